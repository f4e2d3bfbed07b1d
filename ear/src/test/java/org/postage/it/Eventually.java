package org.postage.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waits for something asynchronous (delivery, a state change), failing with what was last seen. */
final class Eventually {

    private Eventually() {}

    static <T> T await(String what, Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T last = probe.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "timed out after " + timeout + " waiting for " + what + "; last seen: " + last);
            }
            PostageServer.sleep(100);
            last = probe.get();
        }
        return last;
    }
}
