package io.billinghub.exceptions;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.platform.HubExchange;
import io.billinghub.platform.Secrets;
import io.billinghub.runs.RunRegistry;
import io.billinghub.security.AuditLog;
import io.billinghub.security.SafeFileNames;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.springframework.stereotype.Service;

/**
 * Re-injects a dead letter's original message (body, headers, hub* properties) into the route that failed.
 * Every route a replay can reach is idempotent on its stable keys, so a replay never double-counts or
 * double-posts; a resolved case cannot be replayed again.
 */
@Service
public class ReplayService {

    /** Headers a file producer would turn into a path: a stored case may have been tampered with. */
    private static final List<String> FILE_NAME_HEADERS = List.of(Exchange.FILE_NAME, Exchange.FILE_NAME_ONLY,
            Exchange.OVERRULE_FILE_NAME, Exchange.FILE_NAME_CONSUMED);

    private final ExceptionQueue queue;
    private final PayloadCodec codec;
    private final ProducerTemplate producer;
    private final CamelContext camel;
    private final RunRegistry runs;
    private final Clock clock;
    private final AuditLog audit;

    public ReplayService(ExceptionQueue queue, PayloadCodec codec, ProducerTemplate producer, CamelContext camel,
                         RunRegistry runs, Clock clock, AuditLog audit) {
        this.queue = queue;
        this.codec = codec;
        this.producer = producer;
        this.camel = camel;
        this.runs = runs;
        this.clock = clock;
        this.audit = audit;
    }

    public record Outcome(long caseId, boolean succeeded, Long newCaseId, String message) {
    }

    /** Thrown when the case cannot be replayed (resolved, or not a replayable dead letter). */
    public static class NotReplayableException extends RuntimeException {
        public NotReplayableException(String message) {
            super(message);
        }
    }

    /** Replays a case as {@code by}, and records the attempt in the audit trail (by the current user). */
    public Outcome replay(long caseId, String by) {
        Outcome outcome = attempt(caseId, by);
        audit.record("exception.replayed", "exception_item", String.valueOf(caseId), Map.of("succeeded",
                String.valueOf(outcome.succeeded()), "message", outcome.message()));
        return outcome;
    }

    private Outcome attempt(long caseId, String by) {
        ExceptionItem item = queue.find(caseId)
                .orElseThrow(() -> new NoSuchElementException("no exception case " + caseId));
        if (!item.replayable()) {
            throw new NotReplayableException(item.status() == ExceptionStatus.RESOLVED
                    ? "case " + caseId + " is resolved; replaying it again could process it twice"
                    : "case " + caseId + " (" + item.type() + ") has no route to replay into");
        }
        for (String header : FILE_NAME_HEADERS) {
            JsonNode name = item.headers().path("headers").path(header);
            if (!name.isMissingNode()) {
                SafeFileNames.problem(name.asText()).ifPresent(problem -> {
                    throw new NotReplayableException("case " + caseId + " cannot be replayed: its " + header
                            + " header is refused (" + problem + ")");
                });
            }
        }
        if (PayloadCodec.FILE_NOT_KEPT.equals(item.payloadType())) {
            throw new NotReplayableException("case " + caseId + " cannot be replayed: "
                    + new String(queue.payload(caseId).orElse(new byte[0]), StandardCharsets.UTF_8));
        }
        if (!queue.claimReplay(caseId)) {
            throw new NotReplayableException("case " + caseId + " was resolved meanwhile");
        }
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setBody(codec.decode(queue.payload(caseId).orElse(null), item.payloadType()));
        copy(item.headers().path("headers"), exchange.getIn().getHeaders());
        copy(item.headers().path("properties"), exchange.getProperties());
        exchange.setProperty(HubExchange.REPLAY_OF, caseId);
        exchange.setProperty(HubExchange.TRIGGER, "REPLAY");
        exchange.getProperties().remove(HubExchange.RUN_ID);
        exchange.getProperties().remove(HubExchange.RUN_OWNER);
        // the replay's own failure, if any, declares its own type
        exchange.getProperties().remove(HubExchange.FAILURE_TYPE);

        Instant started = clock.instant();
        Exchange result = producer.send(item.replayEndpoint(), exchange);
        // failed = the route threw, or its dead-letter channel opened a case (CamelExceptionCaught alone is not a
        // failure: it stays set after a retry that succeeded)
        Long newCase = result.getProperty(HubExchange.EXCEPTION_ID, Long.class);
        Throwable failure = result.getException() != null ? result.getException()
                : newCase != null ? result.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class) : null;
        // a unit the replayed route split off can fail in its own route: the run it opened says so
        String runFailure = failure == null ? runs.failure(result.getProperty(HubExchange.RUN_ID, String.class))
                .orElse(null) : null;
        if (runFailure != null) {
            return new Outcome(caseId, false, null, Secrets.scrub("the replayed run failed: " + runFailure));
        }
        if (failure == null) {
            queue.resolveReplayed(caseId, by, "replayed into " + item.replayEndpoint(), started);
            return new Outcome(caseId, true, null, "replayed into " + item.replayEndpoint());
        }
        // the same failure again refreshes this very case; a different one is a new case linked to it
        return new Outcome(caseId, false, newCase == null || newCase == caseId ? null : newCase,
                Secrets.scrub(DeadLetterRecorder.describe(failure)));
    }

    private static void copy(JsonNode values, Map<String, Object> target) {
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            target.put(entry.getKey(), value.isNumber() ? value.numberValue()
                    : value.isBoolean() ? value.booleanValue() : value.asText());
        }
    }
}
