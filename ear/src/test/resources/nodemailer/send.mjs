// Sends one message with nodemailer as a Node application would: STARTTLS required, AUTH, the server's self-signed
// certificate accepted. NodemailerIT runs it; the argument is JSON {port, user, pass, from, to, subject, html,
// headers}. Prints nodemailer's result as one JSON line: {"response": "250 ...", "accepted": [...]}; on failure the
// error on stderr and exit code 1.
import nodemailer from "nodemailer";

const options = JSON.parse(process.argv[2]);
const transport = nodemailer.createTransport({
  host: "127.0.0.1",
  port: options.port,
  secure: false,
  requireTLS: true,
  auth: { user: options.user, pass: options.pass },
  tls: { rejectUnauthorized: false },
  connectionTimeout: 10000,
  socketTimeout: 60000,
});

try {
  const info = await transport.sendMail({
    from: options.from,
    to: options.to,
    subject: options.subject,
    html: options.html,
    headers: options.headers,
  });
  console.log(JSON.stringify({ response: info.response, accepted: info.accepted, rejected: info.rejected }));
} catch (error) {
  console.error(error.stack || String(error));
  process.exitCode = 1;
} finally {
  transport.close();
}
