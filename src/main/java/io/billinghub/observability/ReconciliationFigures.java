package io.billinghub.observability;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The reconciliations' latest figures for the gauges: per carrier (or CXone tenant) its latest reconciled month, the
 * result lines of that month by status and what was invoiced minus what the hub computed. Read from the database,
 * so every node sharing it reports the same figures.
 */
@Repository
public class ReconciliationFigures {

    /** One status of one party's latest month: its result lines and their variance (invoiced minus the hub's). */
    public record Month(String party, String period, String status, long lines, BigDecimal variance) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public ReconciliationFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per carrier, its latest UTC month: result rows (carrier × day × invoice) by status, invoiced minus rated. */
    public List<Month> carriers() {
        return jdbc.query("""
                with latest as (
                    select carrier_name, cast(date_trunc('month', max(utc_day)) as date) as month
                    from reconciliation_result group by carrier_name)
                select r.carrier_name, to_char(l.month, 'YYYY-MM'), r.status, count(*),
                    sum(r.invoice_charge - r.internal_cost)
                from reconciliation_result r join latest l on l.carrier_name = r.carrier_name and r.utc_day >= l.month
                group by r.carrier_name, l.month, r.status
                order by r.carrier_name, r.status""", new MapSqlParameterSource(), (rs, i) -> new Month(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBigDecimal(5)));
    }

    /** Per CXone tenant, its latest period: results (feature type × GL account) by status, invoiced minus usage. */
    public List<Month> cxoneTenants() {
        return jdbc.query("""
                with latest as (
                    select tenant_id, max(period) as period from cxone_reconciliation_result group by tenant_id)
                select r.tenant_id, r.period, r.status, count(*), sum(r.invoice_amount - r.api_amount)
                from cxone_reconciliation_result r
                join latest l on l.tenant_id = r.tenant_id and l.period = r.period
                group by r.tenant_id, r.period, r.status
                order by r.tenant_id, r.status""", new MapSqlParameterSource(), (rs, i) -> new Month(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBigDecimal(5)));
    }
}
