package org.postage.smtp.server.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Passes a session's replies to the socket, replacing subethasmtp's hard-coded lines (see {@link LegacyReplies}).
 * Complete lines are collected and written in one go on {@link #flush()}, which subethasmtp calls after every reply,
 * so a multi-line reply still leaves in one segment.
 */
final class ReplyTranslatingOutputStream extends OutputStream {

    private final OutputStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(512);

    ReplyTranslatingOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) {
        line.write(b);
        if (b == '\n') {
            endLine();
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i + 1 - start);
                endLine();
                start = i + 1;
            }
        }
        line.write(bytes, start, end - start);
    }

    @Override
    public void flush() throws IOException {
        // A partial line is not held back: only whole lines are candidates for translation.
        line.writeTo(pending);
        line.reset();
        if (pending.size() > 0) {
            pending.writeTo(out);
            pending.reset();
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }

    private void endLine() {
        byte[] bytes = line.toByteArray();
        line.reset();
        int textLength = bytes.length - (bytes.length >= 2 && bytes[bytes.length - 2] == '\r' ? 2 : 1);
        // ISO-8859-1 maps bytes one to one, so a line that is not translated is sent exactly as written.
        Optional<String> replacement =
                LegacyReplies.translate(new String(bytes, 0, textLength, StandardCharsets.ISO_8859_1));
        if (replacement.isPresent()) {
            pending.writeBytes((replacement.get() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        } else {
            pending.writeBytes(bytes);
        }
    }
}
