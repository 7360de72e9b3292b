package io.billinghub.extraction.org;

import java.time.Duration;

/**
 * The next call of a resource's extraction: method, URI and JSON body (null for a GET), how long to wait before it
 * (a report still being generated is asked for again after a backoff) and whether a 404 is an answer (a user without
 * a record of a custom attribute schema) rather than a failure.
 */
public record OrgRequest(String method, String uri, String body, Duration delay, boolean notFoundIsAnswer) {

    public static OrgRequest get(String uri) {
        return new OrgRequest("GET", uri, null, Duration.ZERO, false);
    }
}
