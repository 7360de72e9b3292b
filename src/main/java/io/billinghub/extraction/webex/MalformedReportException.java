package io.billinghub.extraction.webex;

/** A report file that cannot be read as a whole (a required column missing, broken CSV): nothing of it is staged. */
public class MalformedReportException extends RuntimeException {

    public MalformedReportException(String message) {
        super(message);
    }

    public MalformedReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
