package io.billinghub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.platform.HubExchange;
import io.billinghub.referencedata.ledger.LedgerMappingDataset;
import io.billinghub.support.HubIntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * What comes from outside stays data. A dropped file whose name would leave its folder is never read; a replayed
 * case whose file name was tampered with is not replayed; uploaded content and mapping values that look like
 * expressions, placeholders or SQL are stored exactly as sent.
 */
class UntrustedInputTest extends HubIntegrationTest {

    private static final String SQL_INJECTION = "'); drop table rated_leg; --";

    @Test
    void aFileWhoseNameCouldLeaveTheInboxIsNeverRead() throws Exception {
        byte[] content = fixture("e2e/bandwidth-2026-10.csv");
        // names the SFTP server stores as they are. The consumer skips hidden files (a leading '.') and cannot
        // begin with a name whose backslashes it reads as separators: those stay in the inbox, never read. The hub
        // refuses the others.
        List<String> neverPickedUp = List.of("..\\..\\hidden.csv", "..evil.csv", "x\\..\\..\\evil.csv");
        List<String> refused = List.of("C:evil.csv", "bell\u0007.csv");
        for (String name : neverPickedUp) {
            drop("bandwidth", name, content);
        }
        NotifyBuilder polled = new NotifyBuilder(camel).fromRoute("carrier-invoices-bandwidth").whenDone(3).create();
        for (String name : refused) {
            // content of its own: the same bytes would refresh one dead-letter case instead of opening two
            drop("bandwidth", name, name.getBytes(StandardCharsets.UTF_8));
        }
        drop("bandwidth", "bandwidth-2026-10.csv", content);
        assertThat(polled.matches(60, TimeUnit.SECONDS)).as("all files polled").isTrue();

        assertThat(jdbc.queryForList("select file_name from carrier_invoice_file", String.class))
                .containsExactly("bandwidth-2026-10.csv");
        assertThat(jdbc.queryForList("select source || ' | ' || reason || ' | ' || coalesce(replay_endpoint, '-')"
                + " from exception_item where source_position = 'file name' order by source", String.class))
                .containsExactly(
                        "bandwidth/C:evil.csv | InvalidInvoiceFileException: the file name starts with a drive letter;"
                                + " the file was not read (at file name) | -",
                        "bandwidth/bell\u0007.csv | InvalidInvoiceFileException: the file name contains the control"
                                + " character U+0007; the file was not read (at file name) | -");
        assertThat(names("bandwidth/error")).containsExactlyInAnyOrder("refused-C_evil.csv", "refused-bell_.csv");
        assertThat(names("bandwidth/inbox")).containsExactlyInAnyOrderElementsOf(neverPickedUp);
        assertThat(names("bandwidth/done")).containsExactly("bandwidth-2026-10.csv");
    }

    @Test
    void aReplayedCaseWhoseFileNameWasTamperedWithIsNotReplayed() throws Exception {
        NotifyBuilder read = new NotifyBuilder(camel).fromRoute("carrier-invoices-bandwidth").whenDone(1).create();
        drop("bandwidth", "broken-2026-10.csv", "not,a,carrier,invoice\n1,2,3,4\n".getBytes(StandardCharsets.UTF_8));
        assertThat(read.matches(60, TimeUnit.SECONDS)).isTrue();
        long caseId = jdbc.queryForObject("select id from exception_item where type = 'INVOICE_FILE_REJECTED'"
                + " and replay_endpoint = 'direct://carrier-invoice-ingest'", Long.class);
        assertThat(jdbc.queryForObject("select headers->'headers'->>'CamelFileName' from exception_item where id = ?",
                String.class, caseId)).isEqualTo("broken-2026-10.csv");

        jdbc.update("update exception_item set headers = jsonb_set(headers, '{headers,CamelFileName}',"
                + " to_jsonb(cast(? as text))) where id = ?", "../../etc/passwd", caseId);
        HttpResponse<String> replay = post("/api/exceptions/" + caseId + "/replay", "{}", TestUser.OPERATOR);

        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(json.readTree(replay.body()).path("message").asText()).isEqualTo("case " + caseId
                + " cannot be replayed: its CamelFileName header is refused (the file name contains a path"
                + " separator)");
        assertThat(jdbc.queryForMap("select status, replay_count from exception_item where id = ?", caseId))
                .containsEntry("status", "OPEN").containsEntry("replay_count", 0);
    }

    @Test
    void anErpBatchIdThatIsNoFileNameWritesNoFile() throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setBody("../../etc/passwd");
        Exchange done = producer.send("direct:erp-outbox-batch", exchange);
        long caseId = done.getProperty(HubExchange.EXCEPTION_ID, Long.class);
        assertThat(jdbc.queryForObject("select reason from exception_item where id = ?", String.class, caseId))
                .isEqualTo("UnsafeFileNameException: the file name contains a path separator:"
                        + " '../../etc/passwd.csv' refused");
        assertThat(filesIn("erp/outbox")).isZero();
    }

    @Test
    void uploadedContentIsStoredAsSentNeverInterpolated() throws Exception {
        String[] lines = {
            "record_type,invoice_number,leg_reference,destination_number,start_time,minutes,charge,description",
            "LINE,INV-${sys:user.home},leg-{{hub.erp.auth-token}},+14155550101,2026-10-15T08:00:00,1.1,0.0088,"
                    + "#{systemProperties['user.home']}",
            "LINE,INV-${sys:user.home},leg-$(id)" + SQL_INJECTION + ",+14155550102,2026-10-15T09:00:00,1.0,0.0100,"
                    + "`id`",
            "LINE,INV-${sys:user.home},leg-${env:HOME},+14155550103,2026-10-15T10:00:00,many,0.0100,"
                    + "${sys:user.home} {{hub.sftp.password}}",
            "TOTAL,INV-${sys:user.home},,,,,0.0188,"};
        String name = "{{hub.erp.auth-token}}-${sys:user.home}.csv";
        NotifyBuilder read = new NotifyBuilder(camel).fromRoute("carrier-invoices-bandwidth").whenDone(1).create();
        drop("bandwidth", name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(read.matches(60, TimeUnit.SECONDS)).isTrue();

        assertThat(jdbc.queryForList("select file_name from carrier_invoice_file", String.class))
                .containsExactly(name);
        assertThat(jdbc.queryForList("select invoice_number from carrier_invoice", String.class))
                .containsExactly("INV-${sys:user.home}");
        assertThat(jdbc.queryForList("select leg_reference || ' | ' || raw from carrier_invoice_line"
                + " order by position", String.class)).containsExactly(
                "leg-{{hub.erp.auth-token}} | " + lines[1], "leg-$(id)" + SQL_INJECTION + " | " + lines[2]);
        // the line refused for its minutes keeps its text as sent, placeholders and all
        JsonNode rejected = json.readTree(get("/api/exceptions?type=INVOICE_LINE_REJECTED").body()).get(0);
        assertThat(rejected.path("reason").asText()).contains("'many'");
        assertThat(get("/api/exceptions/" + rejected.path("id").asLong() + "/payload").body()).isEqualTo(lines[3]);
        assertThat(names("bandwidth/done")).containsExactly(name);
        assertThat(jdbc.queryForObject("select to_regclass('rated_leg')::text", String.class)).isEqualTo("rated_leg");
    }

    @Test
    void aMappingValueIsLoadedAsWrittenNeverAsSql() throws Exception {
        Path accounts = MAPPINGS.resolve("gl-accounts.csv");
        byte[] original = Files.readAllBytes(accounts);
        Files.writeString(accounts, new String(original, StandardCharsets.UTF_8) + "6999-9999,Unused"
                + SQL_INJECTION + "\n");
        try {
            Map<String, String> results = reload();
            assertThat(results).containsEntry(LedgerMappingDataset.NAME, "ACTIVATED");
            assertThat(jdbc.queryForObject("""
                    select description from ref_gl_account where gl_account = '6999-9999' and version_id =
                        (select max(id) from reference_data_version where dataset = ? and status = 'ACTIVE')""",
                    String.class, LedgerMappingDataset.NAME)).isEqualTo("Unused" + SQL_INJECTION);
            assertThat(jdbc.queryForObject("select to_regclass('rated_leg')::text", String.class))
                    .isEqualTo("rated_leg");
        } finally {
            Files.write(accounts, original);
            assertThat(reload()).containsEntry(LedgerMappingDataset.NAME, "ACTIVATED");
        }
    }

    /** Reloads the mapping files as the admin: each set's result. */
    private Map<String, String> reload() throws Exception {
        Map<String, String> results = new TreeMap<>();
        for (JsonNode outcome : json.readTree(post("/api/reference-data/reload", "").body())) {
            results.put(outcome.path("dataset").asText(), outcome.path("result").asText());
        }
        return results;
    }

    /** The files of an SFTP folder, without the time stamp the hub prefixes when it moves one. */
    private static List<String> names(String directory) throws Exception {
        Path folder = SFTP_ROOT.resolve(directory);
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString().replaceFirst("^\\d{8}T\\d{9}-", "")).toList();
        }
    }
}
