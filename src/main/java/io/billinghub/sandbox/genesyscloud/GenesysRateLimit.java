package io.billinghub.sandbox.genesyscloud;

import java.time.Clock;
import org.springframework.http.HttpHeaders;

/**
 * The {@code inin-ratelimit-allowed/count/reset} headers of the sandbox's Genesys Cloud organisation: the per-minute
 * limit, the requests counted so far this minute and the seconds to the next minute. One count for every API under
 * /sandbox/genesys (analytics jobs, users, licences, billing, aggregates), as Genesys counts a client's requests to
 * its organisation and not per API.
 */
public final class GenesysRateLimit {

    private final int allowedPerMinute;
    private final Clock clock;
    private long minute = -1;
    private int count;

    public GenesysRateLimit(int allowedPerMinute, Clock clock) {
        this.allowedPerMinute = allowedPerMinute;
        this.clock = clock;
    }

    /** Counts one answered request and gives the headers it carries. */
    public synchronized HttpHeaders count() {
        long second = clock.instant().getEpochSecond();
        if (second / 60 != minute) {
            minute = second / 60;
            count = 0;
        }
        count++;
        return headers(count, 60 - second % 60);
    }

    /** The headers of a 429: the limit used up until {@code retryAfterSeconds} have passed. */
    public HttpHeaders exhausted(long retryAfterSeconds) {
        return headers(allowedPerMinute, retryAfterSeconds);
    }

    private HttpHeaders headers(int counted, long resetSeconds) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("inin-ratelimit-allowed", Integer.toString(allowedPerMinute));
        headers.set("inin-ratelimit-count", Integer.toString(counted));
        headers.set("inin-ratelimit-reset", Long.toString(resetSeconds));
        return headers;
    }
}
