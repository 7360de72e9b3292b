package io.billinghub.referencedata;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One loaded (or rejected) version of a reference-data set, with its checksum. */
public record ReferenceVersion(
        long id,
        String dataset,
        String checksum,
        String status,
        JsonNode files,
        JsonNode errors,
        Instant loadedAt,
        Instant activatedAt,
        Instant supersededAt) {
}
