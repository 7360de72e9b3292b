package io.billinghub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.exceptions.NewException;
import io.billinghub.support.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/**
 * The audit trail names who did what: the authenticated user for what a user asked for, the hub for what its routes
 * did; the database refuses to change or remove an event, and the hash chain finds one changed behind its back.
 */
class AuditTrailTest extends HubIntegrationTest {

    @Autowired
    private AuditLog audit;
    @Autowired
    private ExceptionQueue queue;

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEvent() throws Exception {
        audit.record("test.event", "test", "1", Map.of("why", "to be tampered with"));
        audit.record("test.event", "test", "2", Map.of());
        assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'someone else'"))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("audit_event is append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event"))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("audit_event is append-only: DELETE refused");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_event"))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("audit_event is append-only: TRUNCATE refused");
        assertThat(json.readTree(get("/api/audit/verify", TestUser.FINANCE).body()).path("intact").asBoolean())
                .isTrue();

        // someone with the owner's rights lifts the trigger and rewrites an event: the chain check finds it
        jdbc.execute("alter table audit_event disable trigger audit_event_no_update");
        jdbc.update("update audit_event set details = '{\"why\": \"nothing to see\"}' where id = 1");
        jdbc.execute("alter table audit_event enable trigger audit_event_no_update");
        JsonNode verification = json.readTree(get("/api/audit/verify", TestUser.FINANCE).body());
        assertThat(verification.path("intact").asBoolean()).isFalse();
        assertThat(verification.path("firstBrokenEventId").asLong()).isEqualTo(1);
        assertThat(verification.path("reason").asText()).isEqualTo("hash does not match the row's content: the row"
                + " was changed after it was written");
    }

    @Test
    void everyEventNamesWhoActed() throws Exception {
        // an operator works a case through, and replays a rejected file
        long caseId = queue.raise(NewException.of(ExceptionType.CXONE_TAX_MISMATCH, "tax 0.35 against 0.32")
                .pipeline("cxone-gl").build());
        assertThat(post("/api/exceptions/" + caseId + "/acknowledge", "{\"by\":\"someone else\"}",
                TestUser.OPERATOR).statusCode()).isEqualTo(200);
        assertThat(post("/api/exceptions/" + caseId + "/resolve", "{\"by\":\"someone else\",\"resolution\":"
                + "\"ACCEPTED\",\"note\":\"rate override confirmed\"}", TestUser.OPERATOR).statusCode()).isEqualTo(200);
        NotifyBuilder read = new NotifyBuilder(camel).fromRoute("carrier-invoices-bandwidth").whenDone(1).create();
        drop("bandwidth", "broken-2026-10.csv", "not,a,carrier,invoice\n".getBytes(StandardCharsets.UTF_8));
        assertThat(read.matches(60, TimeUnit.SECONDS)).isTrue();
        long rejected = jdbc.queryForObject("select id from exception_item where type = 'INVOICE_FILE_REJECTED'",
                Long.class);
        assertThat(post("/api/exceptions/" + rejected + "/replay", "{}", TestUser.OPERATOR).statusCode())
                .isEqualTo(200);

        // an operator runs the month and closes it; the hub posts it
        String runId = runOctober("carrier-cpm", "carrier-cpm-period", true, TestUser.OPERATOR);

        // an admin loads a broken rate card; it is rejected and the version in force stays
        Path rateCards = MAPPINGS.resolve("rate-cards.csv");
        byte[] original = Files.readAllBytes(rateCards);
        Files.writeString(rateCards, new String(original, StandardCharsets.UTF_8) + "Lumen,1,US,x,6/6,2026-01-01,\n");
        JsonNode rejectedSet;
        try {
            rejectedSet = json.readTree(post("/api/reference-data/reload", "", TestUser.ADMIN).body()).findParents(
                    "result").stream().filter(o -> o.path("result").asText().equals("REJECTED")).findFirst()
                    .orElseThrow();
        } finally {
            Files.write(rateCards, original);
        }

        List<String> events = new ArrayList<>();
        for (JsonNode e : json.readTree(get("/api/audit?limit=1000", TestUser.FINANCE).body())) {
            events.add(0, e.path("actor").asText() + " " + e.path("action").asText() + " " + e.path("subjectType")
                    .asText() + " " + e.path("subjectId").asText() + " " + e.path("details"));
        }
        String picked = fileRun("SCHEDULE");
        String replayed = fileRun("REPLAY");
        String tax = "\"type\":\"CXONE_TAX_MISMATCH\"";
        String batch = "\"idempotencyKey\":\"billing-hub/carrier-cpm/2026-10/1\"";
        assertThat(events).containsExactly(
                "operator exception.acknowledged exception_item " + caseId + " {" + tax + "}",
                "operator exception.resolved exception_item " + caseId
                        + " {\"note\":\"rate override confirmed\",\"resolution\":\"ACCEPTED\"," + tax + "}",
                // the file's own run, and the run of its replay, which the operator started
                "billing-hub run.started pipeline_run " + picked
                        + " {\"pipeline\":\"carrier-invoice-intake\",\"trigger\":\"SCHEDULE\"}",
                "billing-hub run.finished pipeline_run " + picked + " {\"status\":\"FAILED\"}",
                "operator run.started pipeline_run " + replayed
                        + " {\"pipeline\":\"carrier-invoice-intake\",\"trigger\":\"REPLAY\"}",
                "operator run.finished pipeline_run " + replayed + " {\"status\":\"FAILED\"}",
                "operator exception.replayed exception_item " + rejected + " {\"message\":\"InvalidInvoiceFile"
                        + "Exception: the header lacks required column(s) record_type, invoice_number, leg_reference,"
                        + " destination_number, start_time, minutes, charge (at line 1)\",\"succeeded\":\"false\"}",
                "operator run.started pipeline_run " + runId
                        + " {\"period\":\"2026-10\",\"pipeline\":\"carrier-cpm\",\"trigger\":\"API\"}",
                "billing-hub erp.batch.recorded erp_batch carrier-cpm-2026-10-1 {" + batch
                        + ",\"kind\":\"ORIGINAL\",\"lines\":\"4\",\"total\":\"0.12\"}",
                "billing-hub erp.batch.accepted erp_batch carrier-cpm-2026-10-1 {" + batch
                        + ",\"responseStatus\":\"201\",\"total\":\"0.12\"}",
                "billing-hub run.finished pipeline_run " + runId + " {\"status\":\"SUCCEEDED\"}",
                "admin reference-data.rejected reference_data_version " + rejectedSet.path("versionId").asLong()
                        + " {\"checksum\":\"" + rejectedSet.path("checksum").asText()
                        + "\",\"dataset\":\"telephony-rating\",\"errors\":\"2\"}");
        assertThat(jdbc.queryForMap("select acknowledged_by, resolved_by from exception_item where id = ?", caseId))
                .containsEntry("acknowledged_by", "operator").containsEntry("resolved_by", "operator");
        assertThat(json.readTree(get("/api/audit/verify", TestUser.FINANCE).body()).path("events").asInt())
                .isEqualTo(12);
    }

    private String fileRun(String trigger) {
        return jdbc.queryForObject("select run_id from pipeline_run where pipeline = 'carrier-invoice-intake'"
                + " and trigger = ?", String.class, trigger);
    }
}
