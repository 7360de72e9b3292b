package io.billinghub.ledger;

import io.billinghub.platform.Checksums;
import io.billinghub.platform.SqlTime;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CXone invoices as received (API or file), one CURRENT per tenant and period: a newer different copy supersedes
 * the previous one (kept for audit); the same copy again changes nothing.
 */
@Repository
public class CxoneInvoices {

    /** A stored invoice. */
    public record Stored(long id, String checksum, CxoneInvoice invoice) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public CxoneInvoices(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** Stores the invoice as the current one unless the same content was stored before; returns its checksum. */
    public String store(String tenantId, CxoneInvoice invoice, String source, String raw, String runId) {
        String checksum = Checksums.sha256(raw);
        return tx.execute(status -> {
            MapSqlParameterSource key = new MapSqlParameterSource("tenant", tenantId)
                    .addValue("period", invoice.period().toString());
            // the same content again (even an older version sent once more) changes nothing
            List<String> known = jdbc.queryForList("""
                    select checksum from cxone_invoice where tenant_id = :tenant and period = :period""", key,
                    String.class);
            if (known.contains(checksum)) {
                return checksum;
            }
            jdbc.update("""
                    update cxone_invoice set status = 'SUPERSEDED'
                    where tenant_id = :tenant and period = :period and status = 'CURRENT'""", key);
            long id = jdbc.queryForObject("""
                    insert into cxone_invoice (tenant_id, invoice_id, period, source, status, invoice_status,
                        currency, total_amount, total_tax, checksum, raw, received_at, run_id)
                    values (:tenant, :invoice, :period, :source, 'CURRENT', :invoiceStatus, :currency, :total, :tax,
                        :checksum, :raw, :now, :run)
                    returning id""", key.addValue("invoice", invoice.invoiceId()).addValue("source", source)
                    .addValue("invoiceStatus", invoice.status()).addValue("currency", invoice.currency())
                    .addValue("total", invoice.totalAmount()).addValue("tax", invoice.totalTax())
                    .addValue("checksum", checksum).addValue("raw", raw)
                    .addValue("now", SqlTime.utc(clock.instant())).addValue("run", runId), Long.class);
            jdbc.batchUpdate("""
                    insert into cxone_invoice_line (invoice_row_id, line_number, feature_type, cost_center_id, amount,
                        tax_amount, raw) values (:id, :line, :feature, :cc, :amount, :tax, :raw)""",
                    invoice.lines().stream().map(l -> new MapSqlParameterSource("id", id)
                            .addValue("line", l.lineNumber()).addValue("feature", l.featureType())
                            .addValue("cc", l.costCenterId()).addValue("amount", l.amount())
                            .addValue("tax", l.taxAmount()).addValue("raw", l.raw()))
                            .toArray(MapSqlParameterSource[]::new));
            return checksum;
        });
    }

    public Optional<Stored> current(String tenantId, YearMonth period) {
        MapSqlParameterSource key = new MapSqlParameterSource("tenant", tenantId).addValue("period", period.toString());
        return jdbc.query("""
                select id, invoice_id, invoice_status, currency, total_amount, total_tax, checksum from cxone_invoice
                where tenant_id = :tenant and period = :period and status = 'CURRENT'""", key, (rs, i) -> {
            long id = rs.getLong(1);
            List<CxoneInvoice.Line> lines = jdbc.query("""
                    select line_number, feature_type, cost_center_id, amount, tax_amount, raw from cxone_invoice_line
                    where invoice_row_id = :id order by line_number""", new MapSqlParameterSource("id", id),
                    (r, j) -> new CxoneInvoice.Line(r.getInt(1), r.getString(2), r.getString(3), r.getBigDecimal(4),
                            r.getBigDecimal(5), r.getString(6)));
            return new Stored(id, rs.getString(7), new CxoneInvoice(rs.getString(2), period, rs.getString(3),
                    rs.getString(4).trim(), rs.getBigDecimal(5), rs.getBigDecimal(6), lines));
        }).stream().findFirst();
    }
}
