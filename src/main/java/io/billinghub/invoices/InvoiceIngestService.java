package io.billinghub.invoices;

import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.platform.Checksums;
import io.billinghub.platform.SqlTime;
import io.billinghub.rating.CarrierProfile;
import io.billinghub.referencedata.ActiveTelephonyReference;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a carrier's invoice file: parsed whole, then written in one transaction (file, invoices, lines). Each
 * rejected record becomes a case with the file, its position, the reason and the original text. A file whose
 * content was stored and completed before (under any name) is a duplicate and changes nothing; one stored but not
 * completed is resumed. An invoice number seen before is superseded by the newer file (the carrier's correction),
 * keeping the old one for audit.
 */
@Service
public class InvoiceIngestService {

    public static final String PIPELINE = "carrier-invoice-intake";

    /** What one file did. */
    public record Outcome(long fileId, boolean duplicate, String format, int recordsIn, int accepted, int rejected,
                          List<Long> invoiceIds, Set<LocalDate> days, String checksum) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final InvoiceFormats formats;
    private final ActiveTelephonyReference reference;
    private final ExceptionQueue exceptions;
    private final Clock clock;

    public InvoiceIngestService(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, InvoiceFormats formats,
                                ActiveTelephonyReference reference, ExceptionQueue exceptions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.formats = formats;
        this.reference = reference;
        this.exceptions = exceptions;
        this.clock = clock;
    }

    public Outcome ingest(String carrierId, String fileName, byte[] content, String runId, String correlationId) {
        CarrierProfile carrier = reference.require().carrierById(carrierId).orElseThrow(() ->
                new IllegalStateException("carrier id '" + carrierId + "' of file " + fileName
                        + " is not in carriers.csv"));
        String checksum = Checksums.sha256(content);
        // the same content under any name is the same file (an old file sent again must not supersede a correction)
        List<Map<String, Object>> stored = jdbc.queryForList("""
                select id, completed_at is not null as completed from carrier_invoice_file
                where carrier_id = :carrier and checksum = :checksum and status <> 'REJECTED'
                order by id limit 1""",
                new MapSqlParameterSource("carrier", carrierId).addValue("checksum", checksum));
        if (!stored.isEmpty() && (Boolean) stored.get(0).get("completed")) {
            return new Outcome(((Number) stored.get(0).get("id")).longValue(), true, null, 0, 0, 0, List.of(),
                    Set.of(), checksum);
        }
        InvoiceParser parser = formats.parserFor(content);
        ParsedInvoiceFile parsed;
        try {
            parsed = parser.parse(new ByteArrayInputStream(content), carrier.invoiceTimeZone());
        } catch (InvalidInvoiceFileException e) {
            recordRejectedFile(carrierId, fileName, checksum, parser.format(), runId);
            throw e;
        }
        Instant now = clock.instant();
        Set<LocalDate> days = new TreeSet<>();
        List<Long> invoiceIds = new ArrayList<>();
        long fileId;
        if (stored.isEmpty()) {
            fileId = tx.execute(status -> {
                long id = insertFile(carrierId, fileName, checksum, parsed, runId, now);
                for (Invoice invoice : parsed.invoices()) {
                    invoiceIds.add(insertInvoice(id, carrier, invoice, now, days));
                }
                return id;
            });
        } else {
            // stored, but what follows (cases, total checks, reconciliation) did not finish: a replay or a restart
            // resumes it on the stored invoices
            fileId = ((Number) stored.get(0).get("id")).longValue();
            MapSqlParameterSource file = new MapSqlParameterSource("file", fileId);
            invoiceIds.addAll(jdbc.queryForList("select id from carrier_invoice where file_id = :file order by id",
                    file, Long.class));
            days.addAll(jdbc.queryForList("""
                    select distinct l.utc_day from carrier_invoice_line l join carrier_invoice i on i.id = l.invoice_id
                    where i.file_id = :file""", file, LocalDate.class));
        }
        for (RejectedRecord rejected : parsed.rejected()) {
            exceptions.raise(rejected.toCase(ExceptionType.INVOICE_LINE_REJECTED, PIPELINE,
                            carrierId + "/" + fileName)
                    .run(runId, correlationId)
                    .dedupeKey("file|" + carrierId + "|" + checksum + "|" + rejected.position())
                    .context("carrierId", carrierId)
                    .context("fileChecksum", checksum)
                    .build());
        }
        return new Outcome(fileId, false, parser.format(), parsed.recordsIn(),
                parsed.acceptedLines() + parsed.summaryRecords(), parsed.rejected().size(), invoiceIds, days,
                checksum);
    }

    /** Everything a file leads to has been done: an identical file from now on is a duplicate. */
    public void completed(long fileId) {
        jdbc.update("update carrier_invoice_file set completed_at = coalesce(completed_at, :now) where id = :id",
                new MapSqlParameterSource("id", fileId).addValue("now", SqlTime.utc(clock.instant())));
    }

    private void recordRejectedFile(String carrierId, String fileName, String checksum, String format, String runId) {
        jdbc.update("""
                insert into carrier_invoice_file (carrier_id, file_name, checksum, format, received_at, status,
                    lines_in, lines_accepted, lines_rejected, run_id)
                values (:carrier, :name, :checksum, :format, :now, 'REJECTED', 0, 0, 0, :run)
                on conflict (carrier_id, file_name, checksum) do update set received_at = excluded.received_at,
                    run_id = excluded.run_id""",
                new MapSqlParameterSource("carrier", carrierId).addValue("name", fileName)
                        .addValue("checksum", checksum).addValue("format", format)
                        .addValue("now", SqlTime.utc(clock.instant())).addValue("run", runId));
    }

    private long insertFile(String carrierId, String fileName, String checksum, ParsedInvoiceFile parsed,
                            String runId, Instant now) {
        return jdbc.queryForObject("""
                insert into carrier_invoice_file (carrier_id, file_name, checksum, format, received_at, status,
                    lines_in, lines_accepted, lines_rejected, run_id)
                values (:carrier, :name, :checksum, :format, :now, :status, :in, :accepted, :rejected, :run)
                on conflict (carrier_id, file_name, checksum) do update set format = excluded.format,
                    received_at = excluded.received_at, status = excluded.status, lines_in = excluded.lines_in,
                    lines_accepted = excluded.lines_accepted, lines_rejected = excluded.lines_rejected,
                    run_id = excluded.run_id
                returning id""",
                new MapSqlParameterSource("carrier", carrierId).addValue("name", fileName)
                        .addValue("checksum", checksum).addValue("format", parsed.format())
                        .addValue("now", SqlTime.utc(now))
                        .addValue("status", parsed.rejected().isEmpty() ? "ACCEPTED" : "PARTIAL")
                        .addValue("in", parsed.recordsIn())
                        .addValue("accepted", parsed.acceptedLines() + parsed.summaryRecords())
                        .addValue("rejected", parsed.rejected().size()).addValue("run", runId), Long.class);
    }

    private long insertInvoice(long fileId, CarrierProfile carrier, Invoice invoice, Instant now,
                               Set<LocalDate> days) {
        MapSqlParameterSource key = new MapSqlParameterSource("carrier", carrier.carrierId())
                .addValue("number", invoice.invoiceNumber());
        jdbc.update("""
                update carrier_invoice set status = 'SUPERSEDED'
                where carrier_id = :carrier and invoice_number = :number and status = 'CURRENT'""", key);
        BigDecimal linesTotal = invoice.lines().stream().map(InvoiceLine::charge)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long invoiceId = jdbc.queryForObject("""
                insert into carrier_invoice (file_id, carrier_id, carrier_name, invoice_number, invoice_date,
                    period_start, period_end, currency, stated_total, lines_total, other_charges, line_count, status,
                    received_at)
                values (:file, :carrier, :carrierName, :number, :date, :periodStart, :periodEnd, :currency, :stated,
                    :linesTotal, :other, :lineCount, 'CURRENT', :now)
                returning id""", key.addValue("file", fileId).addValue("carrierName", carrier.carrierName())
                .addValue("date", invoice.invoiceDate()).addValue("periodStart", invoice.periodStart())
                .addValue("periodEnd", invoice.periodEnd())
                .addValue("currency", invoice.currency() == null ? carrier.currency() : invoice.currency())
                .addValue("stated", invoice.statedTotal()).addValue("linesTotal", linesTotal)
                .addValue("other", invoice.otherCharges() == null ? BigDecimal.ZERO : invoice.otherCharges())
                .addValue("lineCount", invoice.lines().size()).addValue("now", SqlTime.utc(now)), Long.class);
        List<MapSqlParameterSource> rows = new ArrayList<>();
        int lineNo = 0;
        for (InvoiceLine line : invoice.lines()) {
            LocalDate day = LocalDate.ofInstant(line.startTime(), ZoneOffset.UTC);
            days.add(day);
            rows.add(new MapSqlParameterSource("invoice", invoiceId).addValue("lineNo", ++lineNo)
                    .addValue("position", line.position()).addValue("ref", line.legReference())
                    .addValue("number", line.destinationNumber()).addValue("start", SqlTime.utc(line.startTime()))
                    .addValue("day", day).addValue("minutes", line.minutes()).addValue("charge", line.charge())
                    .addValue("raw", line.raw()));
        }
        jdbc.batchUpdate("""
                insert into carrier_invoice_line (invoice_id, line_no, position, leg_reference, destination_number,
                    start_time, utc_day, minutes, charge, raw)
                values (:invoice, :lineNo, :position, :ref, :number, :start, :day, :minutes, :charge, :raw)""",
                rows.toArray(MapSqlParameterSource[]::new));
        return invoiceId;
    }
}
