package io.billinghub.invoices;

import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.platform.PlannerStatistics;
import io.billinghub.platform.SqlTime;
import io.billinghub.rating.CarrierProfile;
import io.billinghub.referencedata.ActiveTelephonyReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a carrier's invoice file as it is parsed, in one transaction (file, invoices, lines, the cases of rejected
 * records): the file streams from its content through the parser into the tables, lines by PostgreSQL COPY, so that
 * no file is held in memory whole. A file that cannot be read leaves nothing of it but its REJECTED row. A file whose
 * content was stored and completed before (under any name) is a duplicate and changes nothing; one stored but not
 * completed is resumed. An invoice number seen before is superseded by the newer file (the carrier's correction),
 * keeping the old one for audit.
 */
@Service
public class InvoiceIngestService {

    public static final String PIPELINE = "carrier-invoice-intake";

    /** What one file did. */
    public record Outcome(long fileId, boolean duplicate, String format, int recordsIn, int accepted, int rejected,
                          List<Long> invoiceIds, Set<LocalDate> days, String checksum, String carrierName) {
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

    public Outcome ingest(String carrierId, String fileName, InvoiceFile file, String runId, String correlationId) {
        CarrierProfile carrier = reference.require().carrierById(carrierId).orElseThrow(() ->
                new IllegalStateException("carrier id '" + carrierId + "' of file " + fileName
                        + " is not in carriers.csv"));
        String checksum = file.checksum();
        // the same content under any name is the same file (an old file sent again must not supersede a correction)
        List<Map<String, Object>> stored = jdbc.queryForList("""
                select id, completed_at is not null as completed from carrier_invoice_file
                where carrier_id = :carrier and checksum = :checksum and status <> 'REJECTED'
                order by id limit 1""",
                new MapSqlParameterSource("carrier", carrierId).addValue("checksum", checksum));
        if (!stored.isEmpty()) {
            long fileId = ((Number) stored.get(0).get("id")).longValue();
            return (Boolean) stored.get(0).get("completed")
                    ? new Outcome(fileId, true, null, 0, 0, 0, List.of(), Set.of(), checksum,
                            carrier.carrierName())
                    : resumed(fileId, checksum, carrier.carrierName());
        }
        InvoiceParser parser = formats.parserFor(start(file));
        try {
            Outcome outcome = tx.execute(status -> jdbc.getJdbcTemplate().execute(
                    (ConnectionCallback<Outcome>) connection -> store(carrier, fileName, file, parser, connection,
                            runId, correlationId)));
            PlannerStatistics.refreshAfterLoad(jdbc.getJdbcTemplate(), outcome.accepted(),
                    PlannerStatistics.Load.INVOICE_LINES);
            return outcome;
        } catch (InvalidInvoiceFileException e) {
            recordRejectedFile(carrierId, fileName, checksum, parser.format(), runId);
            throw e;
        }
    }

    /** Everything a file leads to has been done: an identical file from now on is a duplicate. */
    public void completed(long fileId) {
        jdbc.update("update carrier_invoice_file set completed_at = coalesce(completed_at, :now) where id = :id",
                new MapSqlParameterSource("id", fileId).addValue("now", SqlTime.utc(clock.instant())));
    }

    private Outcome store(CarrierProfile carrier, String fileName, InvoiceFile file, InvoiceParser parser,
                          Connection connection, String runId, String correlationId) {
        String carrierId = carrier.carrierId();
        Instant now = clock.instant();
        long fileId = insertFile(carrierId, fileName, file.checksum(), parser.format(), runId, now);
        Consumer<RejectedRecord> raise = rejected -> exceptions.raise(rejected.toCase(
                        ExceptionType.INVOICE_LINE_REJECTED, PIPELINE, carrierId + "/" + fileName)
                .run(runId, correlationId)
                .dedupeKey("file|" + carrierId + "|" + file.checksum() + "|" + rejected.position())
                .context("carrierId", carrierId)
                .context("fileChecksum", file.checksum())
                .build());
        try (InvoiceFileStore store = new InvoiceFileStore(jdbc, connection, fileId, carrier, now, raise);
             InputStream content = file.content().getInputStream()) {
            RecordCounts counts = parser.parse(content, carrier.invoiceTimeZone(), store);
            store.finish();
            jdbc.update("""
                    update carrier_invoice_file set status = :status, lines_in = :in, lines_accepted = :accepted,
                        lines_rejected = :rejected
                    where id = :id""", new MapSqlParameterSource("id", fileId)
                    .addValue("status", counts.rejected() == 0 ? "ACCEPTED" : "PARTIAL")
                    .addValue("in", counts.recordsIn()).addValue("accepted", counts.accepted())
                    .addValue("rejected", counts.rejected()));
            return new Outcome(fileId, false, parser.format(), counts.recordsIn(), counts.accepted(),
                    counts.rejected(), store.invoiceIds(), store.days(), file.checksum(), carrier.carrierName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the invoice file " + carrierId + "/" + fileName, e);
        }
    }

    /**
     * Stored (with the cases of its rejected records, in the same transaction), but what follows (total checks,
     * reconciliation) did not finish: a replay or a restart resumes it on what was stored.
     */
    private Outcome resumed(long fileId, String checksum, String carrierName) {
        MapSqlParameterSource file = new MapSqlParameterSource("file", fileId);
        Map<String, Object> counts = jdbc.queryForMap("""
                select format, lines_in, lines_accepted, lines_rejected from carrier_invoice_file where id = :file""",
                file);
        List<Long> invoiceIds = jdbc.queryForList("select id from carrier_invoice where file_id = :file order by id",
                file, Long.class);
        Set<LocalDate> days = new TreeSet<>(jdbc.queryForList("""
                select distinct l.utc_day from carrier_invoice_line l join carrier_invoice i on i.id = l.invoice_id
                where i.file_id = :file""", file, LocalDate.class));
        return new Outcome(fileId, false, (String) counts.get("format"), (Integer) counts.get("lines_in"),
                (Integer) counts.get("lines_accepted"), (Integer) counts.get("lines_rejected"), invoiceIds, days,
                checksum, carrierName);
    }

    /** The file's first bytes, which tell its format. */
    private static byte[] start(InvoiceFile file) {
        try (InputStream content = file.content().getInputStream()) {
            return content.readNBytes(InvoiceFormats.HEAD);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the invoice file", e);
        }
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

    /** The file's row, its counts filled in once it has been read. */
    private long insertFile(String carrierId, String fileName, String checksum, String format, String runId,
                            Instant now) {
        return jdbc.queryForObject("""
                insert into carrier_invoice_file (carrier_id, file_name, checksum, format, received_at, status,
                    lines_in, lines_accepted, lines_rejected, run_id)
                values (:carrier, :name, :checksum, :format, :now, 'ACCEPTED', 0, 0, 0, :run)
                on conflict (carrier_id, file_name, checksum) do update set format = excluded.format,
                    received_at = excluded.received_at, status = excluded.status, lines_in = excluded.lines_in,
                    lines_accepted = excluded.lines_accepted, lines_rejected = excluded.lines_rejected,
                    run_id = excluded.run_id
                returning id""",
                new MapSqlParameterSource("carrier", carrierId).addValue("name", fileName)
                        .addValue("checksum", checksum).addValue("format", format)
                        .addValue("now", SqlTime.utc(now)).addValue("run", runId), Long.class);
    }
}
