package io.billinghub.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.referencedata.ReferenceDataService;
import io.billinghub.referencedata.TelephonyRatingDataset;
import io.billinghub.referencedata.chargeback.ChargebackMappingDataset;
import io.billinghub.referencedata.ledger.LedgerMappingDataset;
import io.billinghub.referencedata.webex.WebexPriceDataset;
import io.billinghub.support.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The corpus through the running hub. Carrier files (the first case of every mutation class of the CSV and X12
 * formats) are dropped over SFTP into two carriers' inboxes at once: each bad record becomes a case with its file,
 * position, reason and original text, each unreadable file a case with its position and bytes, good records are
 * stored, every file's counts balance, and the intake routes still take a good file afterwards. Every bad mapping
 * set of the corpus is then loaded through the reference-data service: rejected with its errors, the version in
 * force stays in force.
 */
class BadInputIntakeTest extends HubIntegrationTest {

    private static final Map<Format, String> CARRIERS = Map.of(Format.CARRIER_CSV, "bandwidth",
            Format.CARRIER_X12, "twilio");
    private static final Map<Format, String> DATASETS = Map.of(Format.TELEPHONY_MAPPINGS, TelephonyRatingDataset.NAME,
            Format.LEDGER_MAPPINGS, LedgerMappingDataset.NAME, Format.CHARGEBACK_MAPPINGS,
            ChargebackMappingDataset.NAME, Format.WEBEX_PRICES, WebexPriceDataset.NAME);

    @Autowired
    private ReferenceDataService referenceData;

    /** A corpus case as dropped: the carrier and the file name it was given. */
    private record Dropped(CorpusCase input, String carrier, String fileName) {

        String source() {
            return carrier + "/" + fileName;
        }
    }

    @Test
    void badCarrierFilesReachTheQueueGoodRecordsAreStoredAndTheRoutesGoOn() throws Exception {
        List<Dropped> dropped = firstOfEachMutation();
        long csv = dropped.stream().filter(d -> d.carrier().equals("bandwidth")).count();
        NotifyBuilder bandwidth = new NotifyBuilder(camel).fromRoute("carrier-invoices-bandwidth")
                .whenDone((int) csv).create();
        NotifyBuilder twilio = new NotifyBuilder(camel).fromRoute("carrier-invoices-twilio")
                .whenDone(dropped.size() - (int) csv).create();
        for (Dropped file : dropped) {
            drop(file.carrier(), file.fileName(), file.input().content());
        }
        assertThat(bandwidth.matches(60, TimeUnit.SECONDS)).as("CSV files taken").isTrue();
        assertThat(twilio.matches(60, TimeUnit.SECONDS)).as("X12 files taken").isTrue();

        int wholes = 0;
        int rejections = 0;
        for (Dropped file : dropped) {
            if (file.input().expected() instanceof Expected.Whole whole) {
                assertFileRejected(file, whole);
                wholes++;
            } else {
                Expected.Records records = (Expected.Records) file.input().expected();
                assertRecordsStoredAndRejected(file, records);
                rejections += records.rejected().size();
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from exception_item where type = 'INVOICE_FILE_REJECTED'",
                Integer.class)).isEqualTo(wholes);
        assertThat(jdbc.queryForObject("select count(*) from exception_item where type = 'INVOICE_LINE_REJECTED'",
                Integer.class)).isEqualTo(rejections);
        assertThat(filesIn("bandwidth/error") + filesIn("twilio/error")).isEqualTo(wholes);
        assertThat(filesIn("bandwidth/done") + filesIn("twilio/done")).isEqualTo(dropped.size() - wholes);

        // the routes kept running: a good file after all of that is taken and stored whole
        assertThat(camel.getRouteController().getRouteStatus("carrier-invoices-bandwidth").isStarted()).isTrue();
        assertThat(camel.getRouteController().getRouteStatus("carrier-invoices-twilio").isStarted()).isTrue();
        NotifyBuilder good = new NotifyBuilder(camel).fromRoute("carrier-invoices-bandwidth").whenDone(1).create();
        CsvSpec carrier = CsvSpecs.carrier();
        drop("bandwidth", "good.csv", CsvCorpus.text(CsvCorpus.line(carrier.header()),
                carrier.rows().stream().map(CsvCorpus::line).toList(), "\n"));
        assertThat(good.matches(60, TimeUnit.SECONDS)).as("good file taken").isTrue();
        assertThat(jdbc.queryForMap("select status, lines_in, lines_accepted, lines_rejected from carrier_invoice_file"
                + " where file_name = 'good.csv'")).containsEntry("status", "ACCEPTED").containsEntry("lines_in", 5)
                .containsEntry("lines_accepted", 5).containsEntry("lines_rejected", 0);
        assertThat(storedLines("bandwidth", "good.csv")).isEqualTo(4);
    }

    @Test
    void everyBadMappingSetIsRejectedWithItsErrorsAndTheVersionInForceStays() throws Exception {
        Map<String, Long> inForce = activeVersions();
        int sets = 0;
        for (CorpusCase input : Corpus.all()) {
            if (!(input.expected() instanceof Expected.SetRejected rejected)) {
                continue;
            }
            String dataset = DATASETS.get(input.format());
            byte[] original = Files.readAllBytes(MAPPINGS.resolve(input.mutated()));
            Files.write(MAPPINGS.resolve(input.mutated()), input.content());
            try {
                ReferenceDataService.Outcome outcome = referenceData.reloadIfChanged().stream()
                        .filter(o -> o.dataset().equals(dataset)).findFirst().orElseThrow();
                assertThat(outcome.result()).as(input.toString()).isEqualTo("REJECTED");
                assertThat(outcome.errors().stream().map(e -> e.file() + ":" + e.line()).distinct().sorted()
                        .toList()).as(input.toString()).isEqualTo(rejected.errors().stream().sorted().toList());
                assertThat(activeVersions()).as(input.toString()).isEqualTo(inForce);
                // the case names the file and line of the set's first error
                assertThat(jdbc.queryForMap("select source, source_position from exception_item where type ="
                        + " 'REFERENCE_DATA_REJECTED' and dedupe_key = ?", dataset + ":" + outcome.checksum()))
                        .as(input.toString())
                        .containsEntry("source", MAPPINGS.resolve(outcome.errors().get(0).file()).toString())
                        .containsEntry("source_position", "line " + outcome.errors().get(0).line());
                sets++;
            } finally {
                Files.write(MAPPINGS.resolve(input.mutated()), original);
            }
        }
        assertThat(referenceData.reloadIfChanged()).allSatisfy(o -> assertThat(o.result()).isEqualTo("UNCHANGED"));
        assertThat(jdbc.queryForObject("select count(*) from exception_item where type = 'REFERENCE_DATA_REJECTED'",
                Integer.class)).isEqualTo(sets);
    }

    /** The first case of every mutation class of the carrier formats, named after it. */
    private static List<Dropped> firstOfEachMutation() {
        Map<String, Dropped> first = new LinkedHashMap<>();
        for (CorpusCase input : Corpus.all()) {
            String carrier = CARRIERS.get(input.format());
            String key = input.format() + input.mutation();
            if (carrier != null && !first.containsKey(key)) {
                first.put(key, new Dropped(input, carrier, String.format("%02d-%s.%s", first.size() + 1,
                        input.mutation(), input.format() == Format.CARRIER_CSV ? "csv" : "edi")));
            }
        }
        return new ArrayList<>(first.values());
    }

    private void assertFileRejected(Dropped file, Expected.Whole whole) {
        Map<String, Object> item = jdbc.queryForMap("select * from exception_item where type = 'INVOICE_FILE_REJECTED'"
                + " and source = ?", file.source());
        assertThat(item).as(file.source()).containsEntry("source_position", whole.position());
        assertThat((String) item.get("reason")).as(file.source()).isNotBlank()
                .hasSizeLessThan(OutcomeAssert.MAX_REASON);
        assertThat((byte[]) item.get("payload")).as(file.source()).isEqualTo(file.input().content());
        assertThat(jdbc.queryForObject("select status from carrier_invoice_file where file_name = ?", String.class,
                file.fileName())).isEqualTo("REJECTED");
        assertThat(storedLines(file.carrier(), file.fileName())).isZero();
    }

    private void assertRecordsStoredAndRejected(Dropped file, Expected.Records expected) {
        Map<String, Object> stored = jdbc.queryForMap("select id, lines_in, lines_accepted, lines_rejected"
                + " from carrier_invoice_file where carrier_id = ? and file_name = ?", file.carrier(), file.fileName());
        assertThat(stored).as(file.source()).containsEntry("lines_in", expected.recordsIn())
                .containsEntry("lines_accepted", expected.accepted())
                .containsEntry("lines_rejected", expected.rejected().size());
        // every accepted record is a stored line, or (in CSV) the TOTAL record stating its invoice's total
        int totals = file.input().format() != Format.CARRIER_CSV ? 0 : jdbc.queryForObject("select count(*) from"
                + " carrier_invoice where file_id = ? and stated_total is not null", Integer.class, stored.get("id"));
        assertThat(storedLines(file.carrier(), file.fileName()) + totals).as(file.source())
                .isEqualTo(expected.accepted());
        assertThat(jdbc.queryForMap("select records_in, records_accepted, records_rejected from run_phase"
                + " where phase = ?", "ingest " + file.source())).as(file.source())
                .containsEntry("records_in", (long) expected.recordsIn())
                .containsEntry("records_accepted", (long) expected.accepted())
                .containsEntry("records_rejected", (long) expected.rejected().size());
        List<Map<String, Object>> items = jdbc.queryForList("select source_position, reason, payload from"
                + " exception_item where type = 'INVOICE_LINE_REJECTED' and source = ? order by id", file.source());
        assertThat(items).as(file.source()).hasSameSizeAs(expected.rejected());
        for (int i = 0; i < items.size(); i++) {
            Expected.Rejection rejection = expected.rejected().get(i);
            assertThat(items.get(i)).as(file.source()).containsEntry("source_position", rejection.position());
            assertThat((String) items.get(i).get("reason")).as(file.source()).isNotBlank()
                    .hasSizeLessThan(OutcomeAssert.MAX_REASON);
            assertThat(new String((byte[]) items.get(i).get("payload"), StandardCharsets.UTF_8)).as(file.source())
                    .isEqualTo(rejection.raw());
        }
    }

    private int storedLines(String carrier, String fileName) {
        return jdbc.queryForObject("""
                select count(*) from carrier_invoice_line l join carrier_invoice i on i.id = l.invoice_id
                join carrier_invoice_file f on f.id = i.file_id where f.carrier_id = ? and f.file_name = ?""",
                Integer.class, carrier, fileName);
    }

    private Map<String, Long> activeVersions() {
        Map<String, Long> versions = new LinkedHashMap<>();
        jdbc.queryForList("select dataset, id from reference_data_version where status = 'ACTIVE' order by dataset")
                .forEach(row -> versions.put((String) row.get("dataset"), ((Number) row.get("id")).longValue()));
        return versions;
    }
}
