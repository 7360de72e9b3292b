package io.billinghub.allocation;

/**
 * Where a user's or queue's costs go and why: STANDARD (a valid cost centre from its attributes), DEFAULT_COST_CENTRE
 * (a service or integration account without one), or to Unallocated for review with GHOST_COST_CENTRE,
 * INVALID_COST_CENTRE, MISSING_COST_CENTRE, UNKNOWN_USER or UNKNOWN_QUEUE; origin keeps the code as found.
 */
public record Attribution(CostCentreRef target, String reason, String origin) {

    public static final String STANDARD = "STANDARD";
    public static final String DEFAULT_COST_CENTRE = "DEFAULT_COST_CENTRE";
    public static final String GHOST_COST_CENTRE = "GHOST_COST_CENTRE";
    public static final String INVALID_COST_CENTRE = "INVALID_COST_CENTRE";
    public static final String MISSING_COST_CENTRE = "MISSING_COST_CENTRE";
    public static final String UNKNOWN_USER = "UNKNOWN_USER";
    public static final String UNKNOWN_QUEUE = "UNKNOWN_QUEUE";

    static Attribution unallocated(String reason, String origin) {
        return new Attribution(CostCentreRef.UNALLOCATED, reason, origin);
    }
}
