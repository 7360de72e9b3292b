package io.billinghub.extraction.org;

/** The resources of an organisation snapshot, each extracted as of the same snapshot instant. */
public enum OrgResource {
    USERS, QUEUES, TRUNKS, CONVERSATIONS, WFM_SHIFTS, ANALYTICS, SESSIONS, INVOICE
}
