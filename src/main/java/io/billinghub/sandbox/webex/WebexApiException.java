package io.billinghub.sandbox.webex;

/**
 * An API error of the Webex sandbox, raised by the plain classes and answered by the controller in Webex's error
 * shape: {@code {"message": "...", "errors": [{"description": "..."}], "trackingId": "..."}}, with a Retry-After
 * header when {@link #retryAfterSeconds()} is set.
 */
public final class WebexApiException extends RuntimeException {

    private final int status;
    private final Long retryAfterSeconds;

    public WebexApiException(int status, String message) {
        this(status, message, null);
    }

    private WebexApiException(int status, String message, Long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static WebexApiException badRequest(String message) {
        return new WebexApiException(400, message);
    }

    static WebexApiException notFound(String reportId) {
        return new WebexApiException(404, "Billing Report not found: " + reportId);
    }

    /** A 429 or 423 answered before the request reaches the API. */
    static WebexApiException retryLater(int status, String message, long retryAfterSeconds) {
        return new WebexApiException(status, message, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    /** Seconds to wait before retrying, or null when the answer has no Retry-After. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
