package io.billinghub.runs;

import io.billinghub.cluster.WorkClaims;
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
    private final WorkClaims claims;

    public RunSteps(RunRegistry runs, WorkClaims claims) {
        this.runs = runs;
        this.claims = claims;
    }

    /**
     * Opens a run unless the exchange already belongs to one. The route that owns a run it could start again after
     * a crash (a period run, a scheduled tick) first claims its period across the nodes: a second run of the same
     * period, on any node, waits until the first is done, then finds its work done.
     */
    public String ensure(Exchange exchange, String pipeline) {
        String route = ExchangeHelper.getRouteId(exchange);
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        if (runId == null) {
            runId = start(exchange, pipeline, route);
        } else {
            exchange.setProperty(HubExchange.PIPELINE, pipeline);
        }
        if (route.equals(exchange.getProperty(HubExchange.RUN_OWNER, String.class))) {
            RunLaunch launch = RunLaunch.of(exchange, pipeline, route);
            if (launch.restartable()) {
                claims.claim(exchange, "run:" + route + ":" + launch.period());
            }
        }
        return runId;
    }

    private String start(Exchange exchange, String pipeline, String route) {
        String trigger = exchange.getProperty(HubExchange.TRIGGER, "SCHEDULE", String.class);
        String runId = runs.start(RunLaunch.of(exchange, pipeline, route), trigger, null);
        exchange.setProperty(HubExchange.RUN_ID, runId);
        exchange.setProperty(HubExchange.RUN_OWNER, route);
        exchange.setProperty(HubExchange.PIPELINE, pipeline);
        MDC.put(HubExchange.RUN_ID, runId);
        return runId;
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
