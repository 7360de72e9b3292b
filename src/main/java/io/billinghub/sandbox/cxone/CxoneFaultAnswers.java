package io.billinghub.sandbox.cxone;

import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * How the CXone sandbox's document-shaped APIs (usage reports and the organisation) answer an injected fault: a 429
 * with Retry-After, or a 503, in their {@code {status, error, message}} error body.
 */
public final class CxoneFaultAnswers {

    /** The error body of the document-shaped CXone APIs. */
    public record Body(int status, String error, String message) {
    }

    private CxoneFaultAnswers() {
    }

    /** The answer to the fault, or empty when the request goes through. */
    public static Optional<ResponseEntity<Object>> of(CxoneSandboxFaults.Fault fault, long retryAfterSeconds) {
        return switch (fault) {
            case RATE_LIMITED -> Optional.of(ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                    .body(new Body(429, "rate_limited", "Too many requests; retry after " + retryAfterSeconds + " s")));
            case UNAVAILABLE -> Optional.of(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(new Body(503, "service_unavailable", "The service is temporarily unavailable")));
            case NONE -> Optional.empty();
        };
    }
}
