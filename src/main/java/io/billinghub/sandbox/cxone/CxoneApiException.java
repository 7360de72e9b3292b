package io.billinghub.sandbox.cxone;

/**
 * An API error of the CXone sandbox, raised by the plain classes and answered by the controller as
 * {@code {"status": 409, "error": "report_not_ready", "message": "..."}}.
 */
public final class CxoneApiException extends RuntimeException {

    private final int status;
    private final String error;

    public CxoneApiException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    static CxoneApiException badRequest(String message) {
        return new CxoneApiException(400, "invalid_request", message);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
