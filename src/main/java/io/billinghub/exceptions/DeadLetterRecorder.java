package io.billinghub.exceptions;

import io.billinghub.invoices.InvalidInvoiceFileException;
import io.billinghub.platform.Checksums;
import io.billinghub.platform.HubExchange;
import io.billinghub.platform.Secrets;
import io.billinghub.runs.RunRegistry;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.util.URISupport;
import org.springframework.stereotype.Component;

/**
 * The dead-letter channel of every route: stores the failed message (original body, headers and hub* routing
 * properties) with its source route and endpoint, cause, run and correlation id, and where to replay it.
 * A message can be replayed when the route that handled the failure is entered from a direct: or seda: endpoint.
 */
@Component("deadLetterRecorder")
public class DeadLetterRecorder {

    private final ExceptionQueue queue;
    private final RunRegistry runs;
    private final PayloadCodec codec;

    public DeadLetterRecorder(ExceptionQueue queue, RunRegistry runs, PayloadCodec codec) {
        this.queue = queue;
        this.runs = runs;
        this.codec = codec;
    }

    public void record(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String routeId = exchange.getProperty(Exchange.FAILURE_ROUTE_ID, String.class);
        // endpoint URIs may carry credentials (sftp password=...): stored sanitised
        String endpoint = URISupport.sanitizeUri(exchange.getProperty(Exchange.FAILURE_ENDPOINT, String.class));
        Route route = routeId == null ? null : exchange.getContext().getRoute(routeId);
        String from = route == null ? null : route.getEndpoint().getEndpointBaseUri();
        String replayEndpoint = from != null && (from.startsWith("direct:") || from.startsWith("seda:")) ? from : null;
        String reason = Secrets.scrub(describe(cause));
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        PayloadCodec.Encoded payload = codec.encode(exchange);
        String source = sourceOf(exchange);

        NewException.Builder item = NewException.of(typeOf(cause, exchange), reason)
                .pipeline(exchange.getProperty(HubExchange.PIPELINE, String.class))
                .source(source, positionOf(exchange, cause))
                .cause(cause)
                .route(routeId, endpoint, replayEndpoint)
                .run(runId, exchange.getProperty(HubExchange.CORRELATION_ID, String.class))
                .payload(payload.bytes(), payload.type())
                .dedupeKey(dedupeKey(routeId, source, payload))
                .headers(Map.of("headers", simpleValues(exchange.getIn().getHeaders()),
                        "properties", hubProperties(exchange)));
        long id = queue.raise(item.build());

        Long replayOf = exchange.getProperty(HubExchange.REPLAY_OF, Long.class);
        if (replayOf != null) {
            queue.linkReplay(id, replayOf);
        }
        exchange.setProperty(HubExchange.EXCEPTION_ID, id);
        if (exchange.getProperty(HubExchange.FILE_OUTCOME) != null) {
            exchange.setProperty(HubExchange.FILE_OUTCOME, "error");
        }
        if (runId != null) {
            runs.recordFailure(runId, routeId, reason);
        }
    }

    /**
     * The same message failing again in the same route (a window on every scheduled tick during an outage, a
     * replay that fails again) refreshes its open case instead of opening another. The same bytes from another
     * source (two carriers' empty files) are another message: each keeps its own case.
     */
    private static String dedupeKey(String routeId, String source, PayloadCodec.Encoded payload) {
        return payload.bytes() == null ? null
                : "dead-letter|" + routeId + "|" + source + "|" + Checksums.sha256(payload.bytes());
    }

    private static ExceptionType typeOf(Throwable cause, Exchange exchange) {
        if (cause instanceof InvalidInvoiceFileException) {
            return ExceptionType.INVOICE_FILE_REJECTED;
        }
        String declared = exchange.getProperty(HubExchange.FAILURE_TYPE, String.class);
        return declared == null ? ExceptionType.DEAD_LETTER : ExceptionType.valueOf(declared);
    }

    private static String sourceOf(Exchange exchange) {
        String source = exchange.getProperty(HubExchange.SOURCE, String.class);
        if (source == null) {
            source = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        }
        return source;
    }

    private static String positionOf(Exchange exchange, Throwable cause) {
        if (cause instanceof InvalidInvoiceFileException invalid && invalid.position() != null) {
            return invalid.position();
        }
        return exchange.getProperty(HubExchange.SOURCE_POSITION, String.class);
    }

    /** The cause chain in one line: what finance reads first. */
    static String describe(Throwable cause) {
        if (cause == null) {
            return "failed without an exception";
        }
        StringBuilder text = new StringBuilder();
        Throwable current = cause;
        int depth = 0;
        while (current != null && depth < 4) {
            if (depth > 0) {
                text.append(" <- caused by ");
            }
            text.append(current.getClass().getSimpleName()).append(": ").append(current.getMessage());
            current = current.getCause() == current ? null : current.getCause();
            depth++;
        }
        return text.toString();
    }

    private static Map<String, Object> hubProperties(Exchange exchange) {
        Map<String, Object> values = new LinkedHashMap<>();
        exchange.getProperties().forEach((name, value) -> {
            if (name.startsWith(HubExchange.PREFIX) && !HubExchange.EXCEPTION_ID.equals(name)) {
                values.put(name, value);
            }
        });
        return simpleValues(values);
    }

    /** Only plain values, and never anything that looks like a credential. */
    static Map<String, Object> simpleValues(Map<String, Object> values) {
        Map<String, Object> kept = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value == null || Secrets.isSensitiveName(name)) {
                return;
            }
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                kept.put(name, value);
            } else if (value instanceof TemporalAccessor || value instanceof Enum<?>) {
                kept.put(name, value.toString());
            }
        });
        return kept;
    }
}
