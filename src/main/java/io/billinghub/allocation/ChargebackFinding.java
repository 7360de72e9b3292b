package io.billinghub.allocation;

/** Something finance must review: its kind, what it is about (a cost centre, a user, a day) and the facts. */
public record ChargebackFinding(String kind, String subject, String detail) {

    public static final String GHOST_COST_CENTRE = "GHOST_COST_CENTRE";
    public static final String INVALID_COST_CENTRE = "INVALID_COST_CENTRE";
    public static final String MISSING_COST_CENTRE = "MISSING_COST_CENTRE";
    public static final String UNKNOWN_LICENCE_TYPE = "UNKNOWN_LICENCE_TYPE";
    public static final String LICENCE_MODEL_CONFLICT = "LICENCE_MODEL_CONFLICT";
    public static final String WFM_VARIANCE = "WFM_VARIANCE";
    public static final String INVALID_TIME_ZONE = "INVALID_TIME_ZONE";
    public static final String UNKNOWN_CATEGORY = "UNKNOWN_CATEGORY";
    public static final String NO_TRAFFIC = "NO_TRAFFIC";
    public static final String INVALID_ALLOCATION_MODEL = "INVALID_ALLOCATION_MODEL";
    public static final String MANIFEST_VARIANCE = "MANIFEST_VARIANCE";
    public static final String LICENCE_QUANTITY_MISMATCH = "LICENCE_QUANTITY_MISMATCH";
    public static final String QUEUE_METRICS_MISMATCH = "QUEUE_METRICS_MISMATCH";
}
