package org.postage.smtp.ra.inflow;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.postage.api.SubmissionListener;

/**
 * Just enough of a JCA container to drive message endpoints: each endpoint wraps the bean, beforeDelivery starts a
 * "transaction" and afterDelivery completes it, telling interposed synchronizations the outcome.
 */
public final class FakeContainer {

    public final SubmissionListener bean;
    public final List<String> events = new ArrayList<>();
    public volatile boolean rollbackOnly;
    public volatile boolean transacted = true;
    public volatile boolean commitFails;
    private Synchronization synchronization;
    private boolean inTransaction;

    public FakeContainer(SubmissionListener bean) {
        this.bean = bean;
    }

    public MessageEndpointFactory endpointFactory() {
        return (MessageEndpointFactory) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {MessageEndpointFactory.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "createEndpoint" -> {
                        events.add("create");
                        yield endpoint();
                    }
                    case "isDeliveryTransacted" -> transacted;
                    case "getActivationName" -> "fake";
                    case "getEndpointClass" -> bean.getClass();
                    case "toString" -> "FakeEndpointFactory";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    public TransactionSynchronizationRegistry registry() {
        return (TransactionSynchronizationRegistry) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {TransactionSynchronizationRegistry.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("registerInterposedSynchronization")) {
                        if (!inTransaction) {
                            throw new IllegalStateException("no transaction");
                        }
                        synchronization = (Synchronization) args[0];
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    public BootstrapContext bootstrapContext() {
        TransactionSynchronizationRegistry registry = registry();
        return (BootstrapContext) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {BootstrapContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getTransactionSynchronizationRegistry")) {
                        return registry;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private Object endpoint() {
        return Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {MessageEndpoint.class, SubmissionListener.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "beforeDelivery" -> {
                            events.add("before:" + ((Method) args[0]).getName());
                            inTransaction = transacted;
                            return null;
                        }
                        case "afterDelivery" -> {
                            events.add("after");
                            complete();
                            return null;
                        }
                        case "release" -> {
                            events.add("release");
                            return null;
                        }
                        default -> {
                            events.add("call:" + method.getName());
                            try {
                                return method.invoke(bean, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    }
                });
    }

    private void complete() throws ResourceException {
        boolean wasInTransaction = inTransaction;
        inTransaction = false;
        Synchronization completed = synchronization;
        synchronization = null;
        if (!wasInTransaction) {
            return;
        }
        boolean commits = !rollbackOnly && !commitFails;
        if (completed != null) {
            completed.afterCompletion(commits ? Status.STATUS_COMMITTED : Status.STATUS_ROLLEDBACK);
        }
        if (commitFails) {
            throw new ResourceException("commit failed: database went away");
        }
    }
}
