package io.billinghub.runs;

import io.billinghub.platform.HubExchange;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * What a run was started with: enough for another node to start it again when the node running it died.
 *
 * @param route   the route that owns the run (entered as {@code direct:<route>})
 * @param period  the period (yyyy-MM) or day the run is for
 * @param close   post the period to the ERP
 * @param extract extract again rather than re-run from staging
 * @param regenerate (Webex) delete the period's reports at the vendor and generate them again
 */
public record RunLaunch(String pipeline, String route, String period, boolean close, boolean extract,
                        boolean regenerate) {

    /** Routes a run can be started again in from its launch alone (they need no message body). */
    private static final Set<String> RESTARTABLE_ROUTES = Set.of("carrier-cpm-period", "cxone-period",
            "chargeback-period", "webex-period", "telephony-extraction-tick", "carrier-reconciliation-daily");

    public boolean restartable() {
        return RESTARTABLE_ROUTES.contains(route);
    }

    /** The launch of the run an exchange opens in {@code route}. */
    static RunLaunch of(Exchange exchange, String pipeline, String route) {
        return new RunLaunch(pipeline, route, exchange.getProperty(HubExchange.PERIOD, String.class),
                exchange.getProperty(HubExchange.CLOSE, false, Boolean.class),
                exchange.getProperty(HubExchange.EXTRACT, true, Boolean.class),
                exchange.getProperty(HubExchange.REGENERATE, false, Boolean.class));
    }

    /** Sets the exchange up to run this launch as run {@code runId}. */
    void applyTo(Exchange exchange, String runId, String trigger) {
        exchange.setProperty(HubExchange.RUN_ID, runId);
        exchange.setProperty(HubExchange.RUN_OWNER, route);
        exchange.setProperty(HubExchange.PERIOD, period);
        exchange.setProperty(HubExchange.TRIGGER, trigger);
        exchange.setProperty(HubExchange.CLOSE, close);
        exchange.setProperty(HubExchange.EXTRACT, extract);
        exchange.setProperty(HubExchange.REGENERATE, regenerate);
    }
}
