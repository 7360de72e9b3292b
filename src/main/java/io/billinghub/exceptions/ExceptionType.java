package io.billinghub.exceptions;

/** What kind of case sits in the exception queue; finance filters on it. */
public enum ExceptionType {
    /** A message that failed in a route after its retries (dead-letter channel). */
    DEAD_LETTER,
    /** A vendor record that could not be mapped to a canonical leg. */
    MALFORMED_RECORD,
    /** A carrier leg kept without cost: unknown carrier or no rate. */
    UNRATED_LEG,
    /** A carrier invoice file that could not be read at all. */
    INVOICE_FILE_REJECTED,
    /** One record of a carrier invoice file that could not be accepted. */
    INVOICE_LINE_REJECTED,
    /** Reconciliation: charge differs by more than the tolerance. */
    RECON_CHARGE_DELTA,
    /** Reconciliation: billed minutes differ by more than the tolerance. */
    RECON_MINUTE_DELTA,
    /** Reconciliation: a rated leg no invoice line claims. */
    RECON_MISSING_ON_INVOICE,
    /** Reconciliation: the same leg billed on more than one invoice line. */
    RECON_DUPLICATE_BILLING,
    /** Reconciliation: an invoice line no usage leg matches. */
    RECON_NOT_IN_USAGE,
    /** Reconciliation: carrier legs on a finalised day with no invoice line at all for that carrier and day. */
    RECON_NO_INVOICE,
    /** An invoice whose stated total is not the sum of its lines and other charges. */
    RECON_INVOICE_TOTAL_MISMATCH,
    /** A reference-data set rejected as a whole; the previous version stays in force. */
    REFERENCE_DATA_REJECTED,
    /** A charge batch the ERP did not accept after the retries. */
    ERP_POST_FAILED,
    /** A CXone usage report still processing past the polling limit (45 minutes): the run ended. */
    CXONE_REPORT_TIMEOUT,
    /** A CXone usage report that ended FAILED or EXPIRED. */
    CXONE_REPORT_FAILED,
    /** A CXone line that cannot be normalised (no FX rate for its currency on its date). */
    CXONE_LINE_REJECTED,
    /** A cost centre without a GL mapping on the usage date: its cost went to the Unallocated bucket. */
    CXONE_UNMAPPED_COST_CENTRE,
    /** taxAmount differs from costAmount × taxRate by more than rounding. */
    CXONE_TAX_MISMATCH,
    /** A prorated licence differs from monthly cost / working days × active days by more than 0.01. */
    CXONE_PRORATION_MISMATCH,
    /** A feature type × GL account × period whose usage and invoice differ beyond the tolerance. */
    CXONE_VARIANCE,
    /** An organisation record (user, queue, conversation, shift...) a vendor API returned that cannot be read. */
    ORG_RECORD_REJECTED,
    /** A ghost, malformed or missing cost centre whose charges wait in Unallocated. */
    CHARGEBACK_COST_CENTRE,
    /** A business unit's scheduled and available WFM minutes of a day differ by more than the threshold. */
    CHARGEBACK_WFM_VARIANCE,
    /** A period whose allocated total differs from the platform spend by more than the threshold. */
    CHARGEBACK_VARIANCE,
    /** Reference problems met while allocating: unpriced licence type, conflicting or unknown model, no traffic. */
    CHARGEBACK_REFERENCE,
    /**
     * A Genesys Cloud analytics conversation details job that ended FAILED or CANCELLED, or kept expiring: the
     * window was not extracted; a replay submits a new job.
     */
    GENESYS_JOB_FAILED,
    /** A Genesys Cloud analytics job still QUEUED or PENDING past the polling limit: the window was not extracted. */
    GENESYS_JOB_TIMEOUT,
    /** A Webex wholesale billing report that ended FAILED (its errors attached), or timed out being generated. */
    WEBEX_REPORT_FAILED,
    /** A Webex report CSV that cannot be read as a whole (a required column missing): nothing of it was staged. */
    WEBEX_REPORT_MALFORMED,
    /** A Webex report row that cannot be read or repeats a package/location/licence row of the same report. */
    WEBEX_ROW_REJECTED,
    /** Webex CUSTOMER or PARTNER report totals that are not the sum of the USER report's rows. */
    WEBEX_REPORT_INCONSISTENT,
    /** A SKU without a price in force (mappings/webex-sku-prices.csv): its usage is not priced or rebilled. */
    WEBEX_SKU_UNPRICED,
    /** Usage of a customer without CUSTOMER_EXTERNAL_ID: it cannot be put on a statement. */
    WEBEX_CUSTOMER_UNMAPPED,
    /** A SKU or customer whose usage and partner invoice differ beyond the tolerance. */
    WEBEX_INVOICE_VARIANCE,
    /** A Webex partner invoice line that cannot be read. */
    WEBEX_INVOICE_LINE_REJECTED
}
