package io.billinghub.faults;

import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Runs an action in the middle of a run: right after the first call to a direct: endpoint (a vendor API call, a
 * tenant's extraction) whose exchange's description (the hubHttpCall property) contains the given text has
 * returned, in the run's own thread, before the route goes on. Retries are calls too, so the action runs exactly
 * once.
 */
final class CallHook extends EventNotifierSupport {

    static final String VENDOR_CALL = "direct://vendor-api-call";

    private final String endpoint;
    private final String call;
    private final Runnable action;
    private boolean fired;

    CallHook(String endpoint, String call, Runnable action) {
        this.endpoint = endpoint;
        this.call = call;
        this.action = action;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeSentEvent sent
                && sent.getEndpoint().getEndpointUri().startsWith(endpoint);
    }

    @Override
    public void notify(CamelEvent event) {
        String description = ((CamelEvent.ExchangeSentEvent) event).getExchange().getProperty("hubHttpCall", "",
                String.class);
        synchronized (this) {
            if (fired || !description.contains(call)) {
                return;
            }
            fired = true;
        }
        action.run();
    }

    synchronized boolean fired() {
        return fired;
    }
}
