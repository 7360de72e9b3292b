package io.billinghub.sandbox.org;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The parameters of an organisation API request, checked: the snapshot instant, the half-open time range of a
 * time-ranged resource, and the slice to return (offset and size, whatever the vendor's paging words).
 * Any problem is an {@link IllegalArgumentException} whose message the API answers with a 400.
 */
public record OrgQuery(Instant asOf, Instant from, Instant to, long offset, int size) {

    public static final int MAX_PAGE_SIZE = 500;

    /** The records of this page out of all that match. */
    public <T> List<T> slice(List<T> all) {
        int start = (int) Math.min(offset, all.size());
        return all.subList(start, Math.min(all.size(), start + size));
    }

    /** Genesys: pageNumber (1-based, default 1) and pageSize (1..500, default 25). */
    public static OrgQuery genesys(Map<String, String> params, boolean ranged) {
        int pageNumber = number(params, "pageNumber", 1, 1, Integer.MAX_VALUE);
        int pageSize = number(params, "pageSize", 25, 1, MAX_PAGE_SIZE);
        return of(params, ranged, (long) (pageNumber - 1) * pageSize, pageSize);
    }

    /** CXone: skip (default 0) and top (1..500, default 100). */
    public static OrgQuery cxone(Map<String, String> params, boolean ranged) {
        return of(params, ranged, number(params, "skip", 0, 0, Integer.MAX_VALUE),
                number(params, "top", 100, 1, MAX_PAGE_SIZE));
    }

    /** Just the snapshot instant, for resources that are not paged. */
    public static Instant asOf(Map<String, String> params) {
        return instant(params, "asOf");
    }

    /** The period of an invoice request: a month the sandbox has. */
    public static YearMonth period(Map<String, String> params, YearMonth available) {
        String value = params.get("period");
        YearMonth period;
        try {
            period = YearMonth.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("period must be a month, yyyy-MM (e.g. " + available + "), was '"
                    + value + "'");
        }
        if (!period.equals(available)) {
            throw new IllegalArgumentException("unknown period " + period + ": the tenant is billed for "
                    + available + " only");
        }
        return period;
    }

    private static OrgQuery of(Map<String, String> params, boolean ranged, long offset, int size) {
        Instant asOf = instant(params, "asOf");
        if (!ranged) {
            return new OrgQuery(asOf, null, null, offset, size);
        }
        Instant from = instant(params, "from");
        Instant to = instant(params, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to, was from=" + from + " to=" + to);
        }
        return new OrgQuery(asOf, from, to, offset, size);
    }

    private static Instant instant(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required (an ISO-8601 instant, e.g. 2026-11-01T00:00:00Z)");
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant (e.g. 2026-11-01T00:00:00Z), was '"
                    + value + "'");
        }
    }

    private static int number(Map<String, String> params, String name, int fallback, int min, int max) {
        String value = params.get(name);
        if (value == null) {
            return fallback;
        }
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException(name + " must be " + (max == Integer.MAX_VALUE
                    ? "at least " + min : "between " + min + " and " + max) + ", was " + number);
        }
        return number;
    }
}
