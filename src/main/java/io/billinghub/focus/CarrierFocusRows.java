package io.billinghub.focus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the carrier invoices of a month for the FOCUS export, line by line: a month of a carrier can hold millions
 * of lines, so they are fetched in chunks (a cursor, inside a read-only transaction) and each row handed on as it
 * is read. An invoice belongs to the month of its billing period, or, when it states none (CSV invoices), of its
 * first line, or of its invoice date.
 */
@Repository
public class CarrierFocusRows {

    private static final int FETCH_SIZE = 5_000;

    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    public CarrierFocusRows(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        JdbcTemplate chunked = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        chunked.setFetchSize(FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(chunked);
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    /** Hands each row of the month's export to {@code rows}, invoice by invoice, in line order. */
    public void read(YearMonth period, Consumer<Map<String, Object>> rows) {
        Invoices invoices = new Invoices(new CarrierFocusExport(period), rows);
        readOnly.executeWithoutResult(status -> streaming.query("""
                with invoices as (
                    select i.id, i.carrier_id, i.carrier_name, i.invoice_number, i.currency, i.stated_total,
                        i.lines_total, i.other_charges
                    from carrier_invoice i
                    where i.status = 'CURRENT'
                      and coalesce(i.period_start, (select min(l.utc_day) from carrier_invoice_line l
                                                    where l.invoice_id = i.id), i.invoice_date)
                          between :start and :end)
                select v.id, v.carrier_id, v.carrier_name, v.invoice_number, v.currency, v.stated_total,
                    v.lines_total, v.other_charges, l.position, l.leg_reference, l.destination_number, l.utc_day,
                    l.minutes, l.charge, r.destination_region, r.cost
                from invoices v
                left join carrier_invoice_line l on l.invoice_id = v.id
                left join rated_leg r on r.leg_id = l.leg_reference and r.carrier_name = v.carrier_name
                    and r.rating_status = 'RATED'
                order by v.carrier_name, v.invoice_number, v.id, l.line_no""",
                new MapSqlParameterSource("start", period.atDay(1)).addValue("end", period.atEndOfMonth()),
                invoices));
        invoices.finish();
    }

    /** The rows of each invoice as its lines come, then its closing rows when the next invoice (or the end) comes. */
    private static final class Invoices implements RowCallbackHandler {
        private final CarrierFocusExport export;
        private final Consumer<Map<String, Object>> rows;
        private long invoiceId = -1;
        private CarrierFocusExport.Invoice invoice;

        Invoices(CarrierFocusExport export, Consumer<Map<String, Object>> rows) {
            this.export = export;
            this.rows = rows;
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            if (rs.getLong("id") != invoiceId) {
                finish();
                invoiceId = rs.getLong("id");
                invoice = new CarrierFocusExport.Invoice(rs.getString("carrier_id"), rs.getString("carrier_name"),
                        rs.getString("invoice_number"), rs.getString("currency"), rs.getBigDecimal("stated_total"),
                        rs.getBigDecimal("lines_total"), rs.getBigDecimal("other_charges"));
            }
            // an invoice without lines comes as one row without a line
            if (rs.getString("leg_reference") != null) {
                rows.accept(export.line(invoice, new CarrierFocusExport.Line(rs.getString("position"),
                        rs.getString("leg_reference"), rs.getString("destination_number"),
                        rs.getObject("utc_day", LocalDate.class), rs.getBigDecimal("minutes"),
                        rs.getBigDecimal("charge"), rs.getString("destination_region"), rs.getBigDecimal("cost"))));
            }
        }

        void finish() {
            if (invoice != null) {
                export.closing(invoice).forEach(rows);
                invoice = null;
            }
        }
    }
}
