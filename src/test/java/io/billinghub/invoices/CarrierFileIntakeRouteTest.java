package io.billinghub.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.support.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

/**
 * Carrier files: a broken X12 envelope (error folder, a case with position and reason, nothing stored), and a file
 * whose processing was interrupted.
 */
class CarrierFileIntakeRouteTest extends HubIntegrationTest {

    @Test
    void aBrokenEnvelopeIsRejectedWholeAndACorrectedFileIsTakenLater() throws Exception {
        String valid = new String(fixture("e2e/twilio-2026-10.edi"), StandardCharsets.UTF_8);
        // the set has 10 segments (ST..SE); the carrier's SE01 says 12
        String broken = valid.replace("SE*10*0001~", "SE*12*0001~");

        NotifyBuilder taken = new NotifyBuilder(camel).fromRoute("carrier-invoices-twilio").whenDone(1).create();
        drop("twilio", "twilio-2026-10.edi", broken.getBytes(StandardCharsets.UTF_8));
        assertThat(taken.matches(60, TimeUnit.SECONDS)).isTrue();

        assertThat(filesIn("twilio/error")).isEqualTo(1L);
        assertThat(filesIn("twilio/done")).isZero();
        Map<String, Object> rejected = jdbc.queryForMap("select * from exception_item");
        assertThat(rejected).containsEntry("type", "INVOICE_FILE_REJECTED")
                .containsEntry("source", "twilio/twilio-2026-10.edi").containsEntry("source_position", "segment 12")
                .containsEntry("replay_endpoint", "direct://carrier-invoice-ingest");
        assertThat((String) rejected.get("reason"))
                .contains("SE01 says 12 segments but the transaction set has 10");
        assertThat(new String((byte[]) rejected.get("payload"), StandardCharsets.UTF_8)).isEqualTo(broken);
        assertThat(jdbc.queryForObject("select count(*) from carrier_invoice", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select status from carrier_invoice_file", String.class)).isEqualTo("REJECTED");
        assertThat(jdbc.queryForObject("select status from pipeline_run", String.class)).isEqualTo("FAILED");

        // replaying the same bytes fails the same way: the same case stays open (no second case), one attempt more
        long caseId = (Long) rejected.get("id");
        JsonNode replay = json.readTree(post("/api/exceptions/" + caseId + "/replay", "{}").body());
        assertThat(replay.path("succeeded").asBoolean()).isFalse();
        assertThat(replay.path("newCaseId").isNull()).isTrue();
        assertThat(jdbc.queryForMap("select status, replay_count from exception_item where id = ?", caseId))
                .containsEntry("status", "OPEN").containsEntry("replay_count", 1);
        assertThat(jdbc.queryForObject("select count(*) from exception_item", Long.class)).isEqualTo(1L);

        // the carrier sends the corrected file under the same name: a new checksum, so it is taken
        NotifyBuilder corrected = new NotifyBuilder(camel).fromRoute("carrier-invoices-twilio").whenDone(1).create();
        drop("twilio", "twilio-2026-10.edi", valid.getBytes(StandardCharsets.UTF_8));
        assertThat(corrected.matches(60, TimeUnit.SECONDS)).isTrue();
        assertThat(filesIn("twilio/done")).isEqualTo(1L);
        assertThat(jdbc.queryForObject("select count(*) from carrier_invoice_line", Long.class)).isEqualTo(2L);
    }

    @Test
    void aFileStoppedHalfWayIsResumedAndItsContentUnderAnotherNameIsADuplicate() throws Exception {
        // one invoice of 6 lines, of which "one" minutes (leg-bad) cannot be read: 5 lines and a case
        byte[] content = fixture("e2e/bandwidth-2026-10.csv");
        dropAndWait("bw-2026-10.csv", content);
        assertThat(jdbc.queryForObject("select count(*) from carrier_invoice_line", Long.class)).isEqualTo(5L);
        assertThat(jdbc.queryForObject("select count(*) from exception_item where type = 'INVOICE_LINE_REJECTED'",
                Long.class)).isEqualTo(1L);
        assertThat(jdbc.queryForObject("select completed_at is not null from carrier_invoice_file", Boolean.class))
                .isTrue();

        // the hub stopped after storing the file and before finishing with it; the carrier sends it again
        jdbc.update("update carrier_invoice_file set completed_at = null");
        dropAndWait("bw-2026-10-resent.csv", content);
        // resumed on what was stored: one file, one current invoice of 5 lines, the one case; now completed
        assertThat(jdbc.queryForObject("select count(*) from carrier_invoice_file", Long.class)).isEqualTo(1L);
        assertThat(jdbc.queryForList("select status from carrier_invoice", String.class)).containsExactly("CURRENT");
        assertThat(jdbc.queryForObject("select count(*) from carrier_invoice_line", Long.class)).isEqualTo(5L);
        assertThat(jdbc.queryForObject("select count(*) from exception_item where type = 'INVOICE_LINE_REJECTED'",
                Long.class)).isEqualTo(1L);
        assertThat(jdbc.queryForObject("select completed_at is not null from carrier_invoice_file", Boolean.class))
                .isTrue();

        // completed: the same content under a third name is a duplicate and changes nothing
        dropAndWait("bw-copy.csv", content);
        assertThat(jdbc.queryForObject("select details ->> 'duplicate' from run_phase where phase = ?", String.class,
                "ingest bandwidth/bw-copy.csv")).isEqualTo("true");
        assertThat(jdbc.queryForList("select status from carrier_invoice", String.class)).containsExactly("CURRENT");
    }

    private void dropAndWait(String fileName, byte[] content) throws Exception {
        NotifyBuilder taken = new NotifyBuilder(camel).fromRoute("carrier-invoices-bandwidth").whenDone(1).create();
        drop("bandwidth", fileName, content);
        assertThat(taken.matches(60, TimeUnit.SECONDS)).isTrue();
    }
}
