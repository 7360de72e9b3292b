package io.billinghub.platform.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies an HTTP answer into what the route's retry policies act on. Retry-After is honoured in both forms
 * the HTTP specification allows (delta seconds, HTTP date), capped so that a hostile value cannot stall a run. A 429
 * without the header may still say how long to wait in its body, as Genesys Cloud's
 * {@code too.many.requests.retry.after} error does ("Retry the request in [N] seconds"); with neither, the route
 * backs off exponentially.
 */
public final class HttpStatusPolicy {

    /** Genesys Cloud's error code of a 429 that names its wait in the message. */
    static final String GENESYS_RETRY_AFTER_CODE = "too.many.requests.retry.after";
    private static final Pattern BODY_WAIT = Pattern.compile("in \\[(\\d{1,9})] seconds?");

    private final Duration maxRetryAfter;
    private final Clock clock;

    public HttpStatusPolicy(Duration maxRetryAfter, Clock clock) {
        this.maxRetryAfter = maxRetryAfter;
        this.clock = clock;
    }

    /** Returns normally for 2xx; otherwise throws the exception its status calls for. */
    public void check(String what, int status, String retryAfterHeader, String body) {
        if (succeeded(status)) {
            return;
        }
        String message = what + " answered HTTP " + status + (body == null || body.isBlank() ? ""
                : ": " + abbreviate(body));
        // 423 Locked (Webex: a resource temporarily unavailable) asks for the same wait as 429, Retry-After included
        if (status == 429 || status == 423) {
            Duration wait = retryAfter(retryAfterHeader);
            throw new RateLimitedException(message, wait != null ? wait : retryAfterInBody(body));
        }
        if (status == 401) {
            throw new UnauthorizedException(message);
        }
        if (status == 408 || status >= 500) {
            throw new TransientHttpException(message);
        }
        throw new RequestRejectedException(message);
    }

    /** A 2xx status: the answer is the caller's. */
    public static boolean succeeded(int status) {
        return status >= 200 && status < 300;
    }

    /** The delay a Retry-After header asks for, capped; null when absent or unreadable. */
    public Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Duration delay;
        try {
            delay = Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                delay = Duration.between(clock.instant(), at);
                delay = delay.isNegative() ? Duration.ZERO : delay;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
        return capped(delay);
    }

    /** The wait a Genesys {@code too.many.requests.retry.after} body names, capped; null for any other body. */
    Duration retryAfterInBody(String body) {
        if (body == null || !body.contains(GENESYS_RETRY_AFTER_CODE)) {
            return null;
        }
        Matcher wait = BODY_WAIT.matcher(body);
        return wait.find() ? capped(Duration.ofSeconds(Long.parseLong(wait.group(1)))) : null;
    }

    private Duration capped(Duration delay) {
        return delay.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : delay;
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
