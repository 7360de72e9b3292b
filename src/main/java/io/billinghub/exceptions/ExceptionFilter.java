package io.billinghub.exceptions;

import java.time.Instant;

/** Filters for listing the queue; null fields do not filter. */
public record ExceptionFilter(
        ExceptionStatus status,
        ExceptionType type,
        String pipeline,
        String source,
        String runId,
        Instant createdFrom,
        Instant createdTo,
        int limit,
        int offset) {
}
