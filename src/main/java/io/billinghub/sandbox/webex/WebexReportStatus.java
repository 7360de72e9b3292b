package io.billinghub.sandbox.webex;

/** The status of a billing report. */
public enum WebexReportStatus {
    IN_PROGRESS,
    COMPLETED,
    FAILED
}
