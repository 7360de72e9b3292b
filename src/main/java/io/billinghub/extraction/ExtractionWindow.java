package io.billinghub.extraction;

import java.time.Instant;

/** One request window of usage extraction: a tenant and a UTC time range [start, end). */
public record ExtractionWindow(String tenantId, Instant start, Instant end) {
}
