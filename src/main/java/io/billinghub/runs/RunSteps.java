package io.billinghub.runs;

import io.billinghub.platform.HubExchange;
import org.apache.camel.Exchange;
import org.apache.camel.support.ExchangeHelper;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Route steps that open and close runs. The route that opens a run owns it: it finishes it, and a dead letter in
 * that route fails it. Sub-routes called within a run record phases into it; called on their own (a replay) they
 * open a run of their own.
 */
@Component("runSteps")
public class RunSteps {

    private final RunRegistry runs;

    public RunSteps(RunRegistry runs) {
        this.runs = runs;
    }

    public String start(Exchange exchange, String pipeline) {
        String route = ExchangeHelper.getRouteId(exchange);
        String trigger = exchange.getProperty(HubExchange.TRIGGER, "SCHEDULE", String.class);
        String runId = runs.start(pipeline, exchange.getProperty(HubExchange.PERIOD, String.class), trigger, route);
        exchange.setProperty(HubExchange.RUN_ID, runId);
        exchange.setProperty(HubExchange.RUN_OWNER, route);
        exchange.setProperty(HubExchange.PIPELINE, pipeline);
        MDC.put(HubExchange.RUN_ID, runId);
        return runId;
    }

    /** Opens a run unless the exchange already belongs to one. */
    public String ensure(Exchange exchange, String pipeline) {
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        if (runId != null) {
            exchange.setProperty(HubExchange.PIPELINE, pipeline);
            return runId;
        }
        return start(exchange, pipeline);
    }

    /** Finishes the run when the current route is the one that opened it. */
    public void finishOwned(Exchange exchange) {
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        if (runId != null && ExchangeHelper.getRouteId(exchange).equals(
                exchange.getProperty(HubExchange.RUN_OWNER, String.class))) {
            runs.finish(runId);
        }
    }
}
