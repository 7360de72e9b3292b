package io.billinghub.extraction.webex;

/**
 * The level of a Webex wholesale billing report. Rows are unique per the columns of {@link #identity()}: per
 * package (SKU) and subscription for a PARTNER report, plus customer, location and licence id for CUSTOMER, plus
 * the subscriber for USER.
 */
public enum ReportType {
    PARTNER,
    CUSTOMER,
    USER;

    /** The level below, whose rows this level's rows aggregate (none below USER). */
    public ReportType finer() {
        return this == PARTNER ? CUSTOMER : this == CUSTOMER ? USER : null;
    }
}
