package io.billinghub.extraction.cxone;

/** A report still PROCESSING past the polling limit: the run ends with an alert in the exception queue. */
public class ReportTimeoutException extends RuntimeException {

    public ReportTimeoutException(String message) {
        super(message);
    }
}
