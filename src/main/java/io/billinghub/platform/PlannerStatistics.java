package io.billinghub.platform;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refreshes PostgreSQL's planner statistics of tables a bulk load has just grown. Autovacuum analyses them only up
 * to a minute later (and a table of a few rows, such as the invoices, hardly ever), while the reconciliation that
 * follows a file plans its joins at once: on the old statistics it picked plans that cost several times as much.
 * ANALYZE reads a sample of at most 30,000 rows (the default statistics target) however large the table is.
 */
public final class PlannerStatistics {

    /** Loads smaller than this change the statistics too little to be worth a sample. */
    public static final long BULK_ROWS = 50_000;

    private PlannerStatistics() {
    }

    /** What was loaded, and so which tables to analyse. */
    public enum Load {
        FILE_LEGS, INVOICE_LINES
    }

    /** Analyses the load's tables when {@code rows} reached {@link #BULK_ROWS}; call after the load committed. */
    public static void refreshAfterLoad(JdbcTemplate jdbc, long rows, Load load) {
        if (rows < BULK_ROWS) {
            return;
        }
        switch (load) {
            case FILE_LEGS -> jdbc.execute("analyze rated_leg");
            case INVOICE_LINES -> jdbc.execute("analyze carrier_invoice, carrier_invoice_line");
        }
    }
}
