package org.postage.infrastructure.config;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Reads and checks every setting while the application deploys: a bad value fails the deployment, with one log line
 * that names it, instead of the first delivery or domain check that would have used it.
 */
@Singleton
@Startup
public class SettingsCheck {

    private static final Logger LOG = Logger.getLogger(SettingsCheck.class.getName());

    @Inject
    SettingsProducer producer;

    @PostConstruct
    void check() {
        Settings settings = producer.settings();
        LOG.info(() -> "Settings checked: host name " + settings.hostName() + ", relay "
                + settings.relay().describe() + " (STARTTLS "
                + settings.relay().startTls().name().toLowerCase(Locale.ROOT) + ")");
    }
}
