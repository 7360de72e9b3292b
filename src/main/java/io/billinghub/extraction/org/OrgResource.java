package io.billinghub.extraction.org;

import java.util.List;

/** The resources of an organisation snapshot, each extracted as of the same snapshot instant. */
public enum OrgResource {
    USERS, QUEUES, TRUNKS, CONVERSATIONS, WFM_SHIFTS, ANALYTICS, SESSIONS, INVOICE,
    /** Genesys Cloud's billable usage report: licence quantities of the period (no money). */
    BILLABLE_USAGE,
    /** Genesys Cloud's conversation aggregates per queue over the period: a check on the conversations. */
    QUEUE_METRICS;

    /** The resources of the design documents' organisation APIs. */
    public static final List<OrgResource> DOCUMENT = List.of(USERS, QUEUES, TRUNKS, CONVERSATIONS, WFM_SHIFTS,
            ANALYTICS, SESSIONS, INVOICE);
}
