package io.billinghub.invoices;

import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.platform.PgCopyWriter;
import io.billinghub.platform.SqlTime;
import io.billinghub.rating.CarrierProfile;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Stores one file's invoices as its parser hands them on, on one connection in one transaction: an invoice row
 * when the file starts the invoice (superseding the current invoice of that number), its lines by COPY, its figures
 * when the file ends it; rejected records are handed to {@code raise} in batches. Per invoice only its id, line count
 * and line total are kept. Between COPYs the connection runs the other statements: a COPY is ended before each.
 */
final class InvoiceFileStore implements InvoiceSink, AutoCloseable {

    private static final List<String> LINE_COLUMNS = List.of("invoice_id", "line_no", "position", "leg_reference",
            "destination_number", "start_time", "utc_day", "minutes", "charge", "raw");
    /** Rejected records wait for a batch, so that a file with many ends its COPY for each batch, not each record. */
    private static final int REJECTED_BATCH = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final PgCopyWriter lines;
    private final long fileId;
    private final CarrierProfile carrier;
    private final Instant now;
    private final Consumer<RejectedRecord> raise;
    private final List<StoredInvoice> invoices = new ArrayList<>();
    private final Set<LocalDate> days = new TreeSet<>();
    private final List<RejectedRecord> rejected = new ArrayList<>();

    /** An invoice's row and its running figures. */
    private static final class StoredInvoice {
        private final long id;
        private int lineCount;
        private BigDecimal linesTotal = BigDecimal.ZERO;

        StoredInvoice(long id) {
            this.id = id;
        }
    }

    /**
     * @param connection the connection of the transaction {@code jdbc} runs in
     * @param raise      opens the case of a rejected record (in the same transaction)
     */
    InvoiceFileStore(NamedParameterJdbcTemplate jdbc, Connection connection, long fileId, CarrierProfile carrier,
                     Instant now, Consumer<RejectedRecord> raise) {
        this.jdbc = jdbc;
        this.lines = new PgCopyWriter(connection, "carrier_invoice_line", LINE_COLUMNS,
                jdbc.getJdbcTemplate().getExceptionTranslator());
        this.fileId = fileId;
        this.carrier = carrier;
        this.now = now;
        this.raise = raise;
    }

    @Override
    public void invoiceStarted(int invoice, String invoiceNumber) {
        lines.end();
        MapSqlParameterSource key = new MapSqlParameterSource("carrier", carrier.carrierId())
                .addValue("number", invoiceNumber);
        jdbc.update("""
                update carrier_invoice set status = 'SUPERSEDED'
                where carrier_id = :carrier and invoice_number = :number and status = 'CURRENT'""", key);
        long id = jdbc.queryForObject("""
                insert into carrier_invoice (file_id, carrier_id, carrier_name, invoice_number, currency, lines_total,
                    other_charges, line_count, status, received_at)
                values (:file, :carrier, :carrierName, :number, :currency, 0, 0, 0, 'CURRENT', :now)
                returning id""", key.addValue("file", fileId).addValue("carrierName", carrier.carrierName())
                .addValue("currency", carrier.currency()).addValue("now", SqlTime.utc(now)), Long.class);
        invoices.add(new StoredInvoice(id));
    }

    @Override
    public void line(int invoice, InvoiceLine line) {
        StoredInvoice stored = invoices.get(invoice);
        stored.lineCount++;
        stored.linesTotal = stored.linesTotal.add(line.charge());
        LocalDate day = LocalDate.ofInstant(line.startTime(), ZoneOffset.UTC);
        days.add(day);
        lines.row(stored.id, stored.lineCount, line.position(), line.legReference(), line.destinationNumber(),
                line.startTime(), day, line.minutes(), line.charge(), line.raw());
    }

    @Override
    public void rejected(RejectedRecord record) {
        rejected.add(record);
        if (rejected.size() == REJECTED_BATCH) {
            raiseRejected();
        }
    }

    @Override
    public void invoiceEnded(int invoice, InvoiceHeader header) {
        lines.end();
        StoredInvoice stored = invoices.get(invoice);
        jdbc.update("""
                update carrier_invoice set invoice_date = :date, period_start = :periodStart,
                    period_end = :periodEnd, currency = :currency, stated_total = :stated, lines_total = :linesTotal,
                    other_charges = :other, line_count = :lineCount
                where id = :id""", new MapSqlParameterSource("id", stored.id)
                .addValue("date", header.invoiceDate()).addValue("periodStart", header.periodStart())
                .addValue("periodEnd", header.periodEnd())
                .addValue("currency", header.currency() == null ? carrier.currency() : header.currency())
                .addValue("stated", header.statedTotal()).addValue("linesTotal", stored.linesTotal)
                .addValue("other", header.otherCharges() == null ? BigDecimal.ZERO : header.otherCharges())
                .addValue("lineCount", stored.lineCount));
    }

    /** Everything the parser handed on is in the tables (of the transaction) and every case raised. */
    void finish() {
        lines.end();
        raiseRejected();
    }

    /** The invoices' ids, in the order the file started them. */
    List<Long> invoiceIds() {
        return invoices.stream().map(i -> i.id).toList();
    }

    /** The UTC days of the lines stored. */
    Set<LocalDate> days() {
        return days;
    }

    /** A COPY still open means the file did not finish: its lines must not land. */
    @Override
    public void close() {
        lines.close();
    }

    private void raiseRejected() {
        if (rejected.isEmpty()) {
            return;
        }
        lines.end();
        rejected.forEach(raise);
        rejected.clear();
    }
}
