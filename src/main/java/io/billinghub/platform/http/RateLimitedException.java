package io.billinghub.platform.http;

import java.time.Duration;

/** HTTP 429: retried after the server's Retry-After, or with exponential backoff when it gives none. */
public class RateLimitedException extends RuntimeException {

    private final transient Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** The server's Retry-After, or null when it sent none usable. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
