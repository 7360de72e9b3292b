package io.billinghub.exceptions;

import io.billinghub.platform.web.ApiErrors;
import io.billinghub.platform.web.CsvResponses;
import io.billinghub.security.AuditLog;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The exception queue for finance: list and filter, show, acknowledge, resolve with a note, replay. */
@RestController
@RequestMapping("/api/exceptions")
public class ExceptionController {

    private final ExceptionQueue queue;
    private final ReplayService replay;
    private final BulkReplays bulkReplays;
    private final AuditLog audit;

    public ExceptionController(ExceptionQueue queue, ReplayService replay, BulkReplays bulkReplays, AuditLog audit) {
        this.queue = queue;
        this.replay = replay;
        this.bulkReplays = bulkReplays;
        this.audit = audit;
    }

    @GetMapping
    public List<ExceptionItem> list(@RequestParam(required = false) ExceptionStatus status,
                                    @RequestParam(required = false) ExceptionType type,
                                    @RequestParam(required = false) String pipeline,
                                    @RequestParam(required = false) String source,
                                    @RequestParam(required = false) String runId,
                                    @RequestParam(required = false) Instant from,
                                    @RequestParam(required = false) Instant to,
                                    @RequestParam(defaultValue = "100") int limit,
                                    @RequestParam(defaultValue = "0") int offset) {
        return queue.list(new ExceptionFilter(status, type, pipeline, source, runId, from, to,
                Math.min(Math.max(limit, 1), 1000), Math.max(offset, 0)));
    }

    /** Open cases by type. */
    @GetMapping("/summary")
    public Map<String, Long> summary() {
        return queue.openCountsByType();
    }

    @GetMapping(value = "/summary", produces = CsvResponses.TEXT_CSV)
    public ResponseEntity<String> summaryCsv() {
        return CsvResponses.csv("exceptions-summary.csv", List.of("type", "open_cases"),
                List.copyOf(summary().entrySet()), e -> List.of(e.getKey(), e.getValue()));
    }

    @GetMapping("/{id}")
    public ExceptionItem show(@PathVariable long id) {
        return queue.find(id).orElseThrow(() -> new NoSuchElementException("no exception case " + id));
    }

    /** The original content of the failed message or record, as it was received. */
    @GetMapping(value = "/{id}/payload", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    public ResponseEntity<byte[]> payload(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(queue.payload(id).orElseThrow(() -> new NoSuchElementException("case " + id
                        + " has no payload")));
    }

    /** Acknowledged by the authenticated user (a "by" in the body is ignored: nobody acts in another's name). */
    @PostMapping("/{id}/acknowledge")
    public ExceptionItem acknowledge(@PathVariable long id, Principal user) {
        ExceptionItem item = show(id);
        if (!queue.acknowledge(id, user.getName())) {
            throw new ApiErrors.ConflictException("case " + id + " is " + item.status() + ", not OPEN");
        }
        audit.record("exception.acknowledged", "exception_item", String.valueOf(id),
                Map.of("type", item.type().name()));
        return show(id);
    }

    public record Resolve(Resolution resolution, String note) {
    }

    /** Resolves a case as the authenticated user; a note is mandatory (the audit trail says why). */
    @PostMapping("/{id}/resolve")
    public ExceptionItem resolve(@PathVariable long id, @RequestBody Resolve request, Principal user) {
        if (request.note() == null || request.note().isBlank()) {
            throw new IllegalArgumentException("a note is required to resolve a case");
        }
        Resolution resolution = request.resolution() == null ? Resolution.FIXED : request.resolution();
        if (resolution == Resolution.REPLAYED || resolution == Resolution.AUTO_RESOLVED) {
            throw new IllegalArgumentException(resolution + " is set by the hub; resolve as FIXED or ACCEPTED");
        }
        ExceptionItem item = show(id);
        if (!queue.resolve(id, user.getName(), resolution, request.note())) {
            throw new ApiErrors.ConflictException("case " + id + " is already resolved");
        }
        audit.record("exception.resolved", "exception_item", String.valueOf(id),
                Map.of("type", item.type().name(), "resolution", resolution.name(), "note", request.note()));
        return show(id);
    }

    /** Replays a case as the authenticated user. */
    @PostMapping("/{id}/replay")
    public ReplayService.Outcome replay(@PathVariable long id, Principal user) {
        return replay.replay(id, user.getName());
    }

    public record BulkReplayRequest(List<Long> caseIds) {
    }

    /** Replays many cases in the background as the authenticated user (202); GET the answer's id for progress. */
    @PostMapping("/replays")
    public ResponseEntity<BulkReplays.Progress> replayMany(@RequestBody BulkReplayRequest request, Principal user) {
        BulkReplays.Progress progress = bulkReplays.start(request.caseIds() == null ? List.of() : request.caseIds(),
                user.getName());
        return ResponseEntity.accepted().body(progress);
    }

    @GetMapping("/replays/{replayId}")
    public BulkReplays.Progress bulkReplay(@PathVariable String replayId) {
        return bulkReplays.find(replayId).orElseThrow(() -> new NoSuchElementException("no bulk replay "
                + replayId));
    }
}
