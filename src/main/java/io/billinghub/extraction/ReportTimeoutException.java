package io.billinghub.extraction;

/** A vendor report still being produced past the polling limit: the run ends with an alert in the exception queue. */
public class ReportTimeoutException extends RuntimeException {

    public ReportTimeoutException(String message) {
        super(message);
    }
}
