package io.billinghub.sandbox;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The parameters of one usage request, validated as the vendor does.
 *
 * @param callType  a filter, or null for all
 * @param direction a filter, or null for all
 */
public record UsageQuery(Instant from, Instant to, int pageNumber, int pageSize, String callType, String direction) {

    public static final int MAX_PAGE_SIZE = 500;
    public static final int DEFAULT_PAGE_SIZE = 25;

    /**
     * Parses the raw query parameters; absent page and pageSize mean 1 and {@value #DEFAULT_PAGE_SIZE}.
     *
     * @throws IllegalArgumentException with a message for the client when a parameter is missing or invalid
     */
    public static UsageQuery parse(String timeRange, String page, String pageSize, String callType,
                                   String direction) {
        if (timeRange == null || timeRange.isBlank()) {
            throw new IllegalArgumentException("timeRange is required, e.g. 2026-10-01T00:00:00Z/2026-10-02T00:00:00Z");
        }
        String[] bounds = timeRange.trim().split("/", -1);
        if (bounds.length != 2) {
            throw new IllegalArgumentException("timeRange must be <start>/<end> as ISO-8601 instants: " + timeRange);
        }
        Instant from = instant(bounds[0], timeRange);
        Instant to = instant(bounds[1], timeRange);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("timeRange must start before it ends: " + timeRange);
        }
        int pageNumber = integer("page", page, 1);
        int size = integer("pageSize", pageSize, DEFAULT_PAGE_SIZE);
        if (pageNumber < 1) {
            throw new IllegalArgumentException("page must be 1 or more, was " + pageNumber);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
        }
        return new UsageQuery(from, to, pageNumber, size, blankToNull(callType), blankToNull(direction));
    }

    private static Instant instant(String text, String timeRange) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("timeRange bound is not an ISO-8601 instant: " + timeRange, e);
        }
    }

    private static int integer(String name, String text, int absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, was " + text, e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
