package io.billinghub.ledger;

import io.billinghub.extraction.cxone.CxoneProperties;
import io.billinghub.referencedata.ledger.ActiveLedgerReference;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a CXone invoice period is final: CXone's end-of-month jobs adjust allocations, taxes and prorations until
 * about the 5th business day, so a period is final once CXone sent INVOICE_FINALIZED for it, or from the configured
 * business day (the 6th) of the next month in the tenant's reporting time zone. Earlier runs are preliminary.
 */
@Component
public class FinalisationPolicy {

    private final NamedParameterJdbcTemplate jdbc;
    private final ActiveLedgerReference ledger;
    private final CxoneProperties properties;
    private final Clock clock;

    public FinalisationPolicy(NamedParameterJdbcTemplate jdbc, ActiveLedgerReference ledger,
                              CxoneProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
    }

    public boolean isFinal(String tenantId, YearMonth period) {
        return finalisedByEvent(tenantId, period) || !today(tenantId).isBefore(finalDay(period));
    }

    /** The business day of the month after the period from which it is final without an event. */
    public LocalDate finalDay(YearMonth period) {
        return ledger.require().calendar().businessDay(period.plusMonths(1), properties.finalBusinessDay());
    }

    public LocalDate today(String tenantId) {
        return LocalDate.ofInstant(clock.instant(), properties.tenant(tenantId).reportingTimeZone());
    }

    private boolean finalisedByEvent(String tenantId, YearMonth period) {
        Integer events = jdbc.queryForObject("""
                select count(*) from cxone_invoice_event
                where tenant_id = :tenant and period = :period and event_type = 'INVOICE_FINALIZED'""",
                new MapSqlParameterSource("tenant", tenantId).addValue("period", period.toString()), Integer.class);
        return events != null && events > 0;
    }
}
