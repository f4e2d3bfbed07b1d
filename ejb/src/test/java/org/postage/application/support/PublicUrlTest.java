package org.postage.application.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PublicUrlTest {

    @Test
    void theOriginIsWrittenAsBrowsersWriteIt() {
        assertEquals("https://postage.example.com", new PublicUrl("HTTPS://Postage.Example.com/admin/").origin());
        assertEquals("https://postage.example.com", new PublicUrl("https://postage.example.com:443").origin());
        assertEquals("http://127.0.0.1:8080", new PublicUrl("http://127.0.0.1:8080").origin());
        assertEquals("http://localhost", new PublicUrl("http://localhost:80/").origin());
    }
}
