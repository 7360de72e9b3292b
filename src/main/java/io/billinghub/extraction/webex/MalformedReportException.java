package io.billinghub.extraction.webex;

import io.billinghub.platform.Reasons;

/** A report file that cannot be read as a whole (a required column missing, broken CSV): nothing of it is staged. */
public class MalformedReportException extends RuntimeException {

    /** The message may quote the report's header or rows: it is cut, the report is what the case points to. */
    public MalformedReportException(String message) {
        super(Reasons.shorten(message));
    }

    public MalformedReportException(String message, Throwable cause) {
        super(Reasons.shorten(message), cause);
    }
}
