package io.billinghub.platform;

import java.util.UUID;
import org.apache.camel.Exchange;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Gives every exchange entering a route a correlation id (kept across sub-routes, splits and replays) and puts it
 * in the logging MDC; Camel propagates MDC keys named hub* across threads.
 */
@Component("correlation")
public class Correlation {

    public static final String HTTP_HEADER = "X-Correlation-Id";

    public void ensure(Exchange exchange) {
        String id = exchange.getProperty(HubExchange.CORRELATION_ID, String.class);
        if (id == null) {
            id = exchange.getIn().getHeader(HTTP_HEADER, String.class);
        }
        if (id == null || id.isBlank()) {
            id = UUID.randomUUID().toString();
        }
        exchange.setProperty(HubExchange.CORRELATION_ID, id);
        MDC.put(HubExchange.CORRELATION_ID, id);
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        if (runId != null) {
            MDC.put(HubExchange.RUN_ID, runId);
        }
    }
}
