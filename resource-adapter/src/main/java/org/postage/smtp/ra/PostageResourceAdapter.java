package org.postage.smtp.ra;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.transaction.xa.XAResource;
import org.postage.smtp.ra.inflow.SmtpActivation;
import org.postage.smtp.ra.inflow.SmtpActivationSpec;

/**
 * The SMTP resource adapter. It holds no settings of its own: each endpoint's activation spec describes its
 * listeners (the submission port and the implicit-TLS port, TLS, limits); one activation owns both, since they are
 * one service in front of one endpoint (ADR 0013). Another endpoint, such as inbound bounces, is another activation.
 *
 * <p>equals and hashCode are by identity, as JCA 5.3.1 requires; without them WildFly's archive validation refuses
 * the adapter.
 */
public class PostageResourceAdapter implements ResourceAdapter {

    private final Map<ActivationSpec, SmtpActivation> activations = new IdentityHashMap<>();
    private BootstrapContext bootstrapContext;

    @Override
    public synchronized void start(BootstrapContext context) throws ResourceAdapterInternalException {
        this.bootstrapContext = context;
    }

    @Override
    public void stop() {
        List<SmtpActivation> running;
        synchronized (this) {
            running = new ArrayList<>(activations.values());
            activations.clear();
        }
        running.forEach(SmtpActivation::stop);
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof SmtpActivationSpec smtpSpec)) {
            throw new NotSupportedException("Postage's SMTP adapter needs an " + SmtpActivationSpec.class.getName()
                    + ", not " + (spec == null ? "null" : spec.getClass().getName()));
        }
        smtpSpec.validate();
        BootstrapContext context;
        synchronized (this) {
            context = bootstrapContext;
        }
        if (context == null) {
            throw new ResourceAdapterInternalException("The SMTP adapter was not started before endpoint activation");
        }
        SmtpActivation activation = new SmtpActivation(smtpSpec, factory, context);
        activation.start();
        synchronized (this) {
            activations.put(spec, activation);
        }
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        SmtpActivation activation;
        synchronized (this) {
            activation = activations.remove(spec);
        }
        if (activation != null) {
            activation.stop();
        }
    }

    /** No transactions to recover: a message is either committed before "250" or the client retries it. */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
