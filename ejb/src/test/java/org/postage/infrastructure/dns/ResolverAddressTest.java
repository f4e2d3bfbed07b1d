package org.postage.infrastructure.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ResolverAddressTest {

    @Test
    void aHostAloneMeansPort53() {
        assertEquals(new InetSocketAddress("127.0.0.1", 53), ResolverAddress.parse("127.0.0.1"));
        assertEquals(new InetSocketAddress("::1", 53), ResolverAddress.parse("::1"));
    }

    @Test
    void aPortFollowsAColonOrABracketedIpv6Address() {
        assertEquals(new InetSocketAddress("127.0.0.1", 5353), ResolverAddress.parse(" 127.0.0.1:5353 "));
        assertEquals(new InetSocketAddress("::1", 5353), ResolverAddress.parse("[::1]:5353"));
        assertEquals(new InetSocketAddress("::1", 53), ResolverAddress.parse("[::1]"));
    }

    @Test
    void nonsenseIsRefusedWithTheTextInTheMessage() {
        assertThrows(IllegalArgumentException.class, () -> ResolverAddress.parse("127.0.0.1:dns"));
        assertThrows(IllegalArgumentException.class, () -> ResolverAddress.parse("127.0.0.1:70000"));
        assertThrows(IllegalArgumentException.class, () -> ResolverAddress.parse("[::1"));
    }
}
