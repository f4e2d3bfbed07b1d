package org.postage.application.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The name this Postage goes by in mail: Received headers, Message-IDs, its own mail's From, EHLO towards the
 * relay. One setting, read in one place.
 */
@ApplicationScoped
public class HostName {

    @Inject
    @ConfigProperty(name = "postage.hostname", defaultValue = "localhost")
    String value;

    public String value() {
        return value;
    }
}
