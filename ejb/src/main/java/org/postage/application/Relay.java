package org.postage.application;

import java.util.List;
import java.util.Map;

/** The next hop: hands one message to the configured smarthost and reports what happened to each recipient. */
public interface Relay {

    /**
     * @param envelopeSender the MAIL FROM address, or the empty string for the null sender
     * @return one outcome per recipient, keyed by the address as given
     */
    Map<String, RelayOutcome> send(String envelopeSender, List<String> recipients, byte[] content);
}
