package io.billinghub.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** A run as the REST API shows it; {@code nodeId} is the hub node that ran it. */
public record RunRecord(
        String runId,
        String pipeline,
        String period,
        String trigger,
        RunStatus status,
        Instant startedAt,
        Instant finishedAt,
        long recordsIn,
        long recordsAccepted,
        long recordsRejected,
        int failures,
        JsonNode totals,
        String error,
        String nodeId,
        String resumedFrom,
        List<Phase> phases,
        List<Input> inputs) {

    public record Phase(String phase, Instant startedAt, Instant finishedAt, long recordsIn, long recordsAccepted,
                        long recordsRejected, JsonNode details) {
    }

    public record Input(String kind, String reference, String checksum) {
    }
}
