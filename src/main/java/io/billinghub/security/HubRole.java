package io.billinghub.security;

/**
 * What a REST user may do. ADMIN includes OPERATOR, which includes FINANCE; METRICS (a Prometheus scraper) only
 * reads the actuator, and ADMIN includes it too.
 */
public enum HubRole {
    /** Reads every report, case, run and batch (GET /api/**). */
    FINANCE,
    /** Also acknowledges, resolves and replays cases, and starts runs. */
    OPERATOR,
    /** Also reloads reference data and overrides chargeback figures; reads the actuator. */
    ADMIN,
    /** Reads the actuator's metrics, prometheus and info endpoints, nothing of /api. */
    METRICS
}
