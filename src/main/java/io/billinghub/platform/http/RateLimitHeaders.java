package io.billinghub.platform.http;

import java.time.Duration;

/**
 * Proactive pacing from the rate-limit headers Genesys Cloud puts on every answer: {@code inin-ratelimit-allowed}
 * (requests a token may make per window), {@code inin-ratelimit-count} (made so far) and
 * {@code inin-ratelimit-reset} (seconds until the window starts again). The requests left are spread evenly over the
 * time left, so a tenant whose configured budget is above the vendor's limit slows down before a 429 rather than
 * after it; with no request left, the next one waits for the reset and one second more (the header counts whole
 * seconds, which may be rounded down).
 */
public final class RateLimitHeaders {

    public static final String ALLOWED = "inin-ratelimit-allowed";
    public static final String COUNT = "inin-ratelimit-count";
    public static final String RESET = "inin-ratelimit-reset";

    private RateLimitHeaders() {
    }

    /** The least time between this answer and the next request; zero when the headers are absent or unreadable. */
    public static Duration pause(String allowed, String count, String reset) {
        long limit = parse(allowed);
        long made = parse(count);
        long resetSeconds = parse(reset);
        if (limit <= 0 || made < 0 || resetSeconds < 0) {
            return Duration.ZERO;
        }
        long left = limit - made;
        if (left <= 0) {
            return Duration.ofSeconds(resetSeconds + 1);
        }
        return Duration.ofSeconds(resetSeconds).dividedBy(left);
    }

    private static long parse(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
