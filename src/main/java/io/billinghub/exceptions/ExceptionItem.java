package io.billinghub.exceptions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A case as finance sees it. The payload is served separately (it can be large). */
public record ExceptionItem(
        long id,
        ExceptionType type,
        ExceptionStatus status,
        String pipeline,
        String source,
        String sourcePosition,
        String routeId,
        String endpoint,
        String replayEndpoint,
        String reason,
        String causeClass,
        String runId,
        String correlationId,
        String dedupeKey,
        JsonNode context,
        JsonNode headers,
        String payloadType,
        Integer payloadBytes,
        Instant createdAt,
        Instant updatedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant resolvedAt,
        String resolvedBy,
        Resolution resolution,
        String resolutionNote,
        int replayCount,
        Instant lastReplayedAt,
        Long replayOf) {

    public boolean replayable() {
        return replayEndpoint != null && status != ExceptionStatus.RESOLVED;
    }
}
