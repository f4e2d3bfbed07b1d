package org.postage.smtp.server.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postage.api.SmtpReplies;

class PathArgumentsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a@example.com",
                "first.last+tag@sub.example.co",
                "\"quoted name\"@example.com",
                "\"a\\\"b\"@example.com",
                "x@[192.0.2.1]",
                "x@[IPv6:2001:db8::1]",
                "o'brien@example.ie",
                "user@localhost"
            })
    void acceptsMailboxesRfc5321Allows(String mailbox) {
        assertTrue(MailboxSyntax.isValid(mailbox), mailbox);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "plain",
                "@example.com",
                "a@",
                "a b@example.com",
                "a..b@example.com",
                ".a@example.com",
                "a.@example.com",
                "a@-example.com",
                "a@example-.com",
                "a@exa_mple.com",
                "a@example..com",
                "a@@example.com",
                "\"unterminated@example.com",
                "ünï@example.com",
                "a@[bad literal]"
            })
    void refusesMalformedMailboxes(String mailbox) {
        assertFalse(MailboxSyntax.isValid(mailbox), mailbox);
    }

    @Test
    void refusesALocalPartOver64Octets() {
        assertFalse(MailboxSyntax.isValid("x".repeat(65) + "@example.com"));
        assertTrue(MailboxSyntax.isValid("x".repeat(64) + "@example.com"));
    }

    @Test
    void parsesTheNullPathAndParametersCaseInsensitively() throws Exception {
        PathArguments path =
                PathArguments.parse("from:<> size=100 BODY=8BITMIME", "FROM:", SmtpReplies.BAD_SENDER_SYNTAX);

        assertEquals("", path.address());
        assertEquals(Map.of("SIZE", "100", "BODY", "8BITMIME"), path.parameters());
    }

    @Test
    void toleratesASpaceAfterTheColonAndIgnoresASourceRoute() throws Exception {
        assertEquals(
                "a@example.com",
                PathArguments.parse("FROM: <a@example.com>", "FROM:", SmtpReplies.BAD_SENDER_SYNTAX)
                        .address());
        assertEquals(
                "c@example.com",
                PathArguments.parse("TO:<@a.example,@b.example:c@example.com>", "TO:", SmtpReplies.BAD_RECIPIENT_SYNTAX)
                        .address());
    }

    @Test
    void anAddressWithoutAngleBracketsIsABadAddress() {
        InvalidArgumentsException e = assertThrows(
                InvalidArgumentsException.class,
                () -> PathArguments.parse("FROM:a@example.com", "FROM:", SmtpReplies.BAD_SENDER_SYNTAX));
        assertEquals(SmtpReplies.BAD_SENDER_SYNTAX, e.reply());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "TO:<a@example.com>",
                "FROM:<a@example.com>X=1",
                "FROM:<a@example.com> =1",
                "FROM:<a@example.com> SIZE=",
                "FROM:<a@example.com> SIZE=1 SIZE=2"
            })
    void malformedCommandSyntaxIsASyntaxError(String arguments) {
        InvalidArgumentsException e = assertThrows(
                InvalidArgumentsException.class,
                () -> PathArguments.parse(arguments, "FROM:", SmtpReplies.BAD_SENDER_SYNTAX));
        assertEquals(SmtpReplies.SYNTAX_ERROR, e.reply());
    }
}
