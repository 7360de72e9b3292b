package io.billinghub.extraction;

/** A vendor record that could not become a canonical leg, with where it was and what it said. */
public record RejectedUsageRecord(String position, String reason, String raw) {
}
