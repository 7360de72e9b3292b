package io.billinghub.reconciliation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Where every vendor's reconciliation of a period stands, one row per vendor and scope (a carrier, a CXone tenant,
 * a Webex partner): how many of its reconciled units matched exactly, matched within tolerance (drift) or are
 * exceptions, and the variance (invoiced minus the hub's own figure). Units are a carrier's days, a CXone feature
 * × GL account, a Webex SKU (its customer rows restate the same money and are not counted again).
 */
@Service
public class ReconciliationOverview {

    public enum Status { MATCHED, DRIFT, EXCEPTIONS }

    public record Row(String vendor, String scope, String period, long units, long matched, long drift,
                      long exceptions, BigDecimal internalAmount, BigDecimal invoicedAmount, BigDecimal variance,
                      Status status) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public ReconciliationOverview(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> of(YearMonth period) {
        MapSqlParameterSource p = new MapSqlParameterSource("period", period.toString())
                .addValue("from", period.atDay(1)).addValue("to", period.atEndOfMonth());
        // a carrier day within the charge tolerance is MATCHED by the reconciler; a non-zero delta there is drift
        return jdbc.query("""
                select 'carrier' as vendor, carrier_name as scope, count(*) as units,
                    count(*) filter (where status = 'MATCHED' and invoice_charge = internal_cost) as matched,
                    count(*) filter (where status = 'MATCHED' and invoice_charge <> internal_cost) as drift,
                    count(*) filter (where status <> 'MATCHED') as exceptions,
                    sum(internal_cost) as internal_amount, sum(invoice_charge) as invoiced_amount
                from reconciliation_result
                where utc_day >= :from and utc_day <= :to
                group by carrier_name
                union all
                select 'cxone', tenant_id, count(*),
                    count(*) filter (where status = 'MATCHED'),
                    count(*) filter (where status = 'ROUNDING_DRIFT'),
                    count(*) filter (where status not in ('MATCHED', 'ROUNDING_DRIFT')),
                    sum(api_amount), sum(invoice_amount)
                from cxone_reconciliation_result
                where period = :period
                group by tenant_id
                union all
                select 'webex', partner_id, count(*),
                    count(*) filter (where status = 'MATCHED'),
                    count(*) filter (where status = 'WITHIN_TOLERANCE'),
                    count(*) filter (where status not in ('MATCHED', 'WITHIN_TOLERANCE')),
                    coalesce(sum(usage_amount), 0), sum(invoice_amount)
                from webex_reconciliation
                where period = :period and dimension = 'SKU'
                group by partner_id
                order by vendor, scope""", p, (rs, i) -> row(rs, period));
    }

    private static Row row(ResultSet rs, YearMonth period) throws SQLException {
        long drift = rs.getLong("drift");
        long exceptions = rs.getLong("exceptions");
        BigDecimal internal = rs.getBigDecimal("internal_amount");
        BigDecimal invoiced = rs.getBigDecimal("invoiced_amount");
        return new Row(rs.getString("vendor"), rs.getString("scope"), period.toString(), rs.getLong("units"),
                rs.getLong("matched"), drift, exceptions, internal, invoiced, invoiced.subtract(internal),
                status(drift, exceptions));
    }

    static Status status(long drift, long exceptions) {
        return exceptions > 0 ? Status.EXCEPTIONS : drift > 0 ? Status.DRIFT : Status.MATCHED;
    }
}
