package io.billinghub.exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billinghub.support.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One case per problem, and a problem finance accepted stays accepted while it is found again unchanged. */
class ExceptionQueueTest extends HubIntegrationTest {

    private static final Set<ExceptionType> DAY_TYPES = Set.of(ExceptionType.RECON_CHARGE_DELTA,
            ExceptionType.RECON_MISSING_ON_INVOICE);

    @Autowired
    private ExceptionQueue queue;

    private static NewException taxCase(String reason) {
        return NewException.of(ExceptionType.CXONE_TAX_MISMATCH, reason).pipeline("cxone-gl")
                .dedupeKey("cxone|acme-contact|2026-10|CXONE_TAX_MISMATCH|ln_c6").build();
    }

    private static NewException chargeCase(String leg, String charge, String runId, String payload) {
        NewException.Builder builder = NewException.of(ExceptionType.RECON_CHARGE_DELTA,
                        "leg " + leg + " charge " + charge + " on the invoice, 0.0100 rated")
                .pipeline("carrier-cpm").source("bw.csv", "line " + leg.substring(4)).run(runId, "corr-1")
                .dedupeKey("2026-10-15|BW|RECON_CHARGE_DELTA|" + leg + "|INV-1 line " + leg.substring(4))
                .context("legId", leg).context("invoiceCharge", charge);
        if (payload != null) {
            builder.payload(payload.getBytes(StandardCharsets.UTF_8), "text");
        }
        return builder.build();
    }

    private static NewException missingCase(String day, String leg) {
        return NewException.of(ExceptionType.RECON_MISSING_ON_INVOICE, "leg " + leg + " is on no invoice")
                .pipeline("carrier-cpm").dedupeKey(day + "|BW|RECON_MISSING_ON_INVOICE|" + leg + "|").build();
    }

    @Test
    void anAcceptedProblemFoundAgainUnchangedIsNotReopened() throws Exception {
        String reason = "line ln_c6 taxAmount 0.35 differs from costAmount × taxRate = 4.00 × 0.08 = 0.32";
        long id = queue.raise(taxCase(reason));
        // found again while open: the same case
        assertThat(queue.raise(taxCase(reason))).isEqualTo(id);
        assertThat(post("/api/exceptions/" + id + "/resolve", "{\"resolution\":\"ACCEPTED\","
                + "\"note\":\"CXone confirmed the rate override\"}", TestUser.OPERATOR).statusCode()).isEqualTo(200);

        // the next run finds it again, unchanged: it stays accepted
        assertThat(queue.raise(taxCase(reason))).isEqualTo(id);
        assertThat(jdbc.queryForObject("select status from exception_item where id = ?", String.class, id))
                .isEqualTo("RESOLVED");

        // CXone changed the line: a new problem, a new open case
        long changed = queue.raise(taxCase("line ln_c6 taxAmount 0.40 differs from costAmount × taxRate = 4.00 ×"
                + " 0.08 = 0.32"));
        assertThat(changed).isNotEqualTo(id);
        assertThat(jdbc.queryForList("select status from exception_item order by id", String.class))
                .containsExactly("RESOLVED", "OPEN");
    }

    @Test
    void raisingInBulkWritesWhatRaisingOneByOneWrites() {
        NewException one = NewException.of(ExceptionType.DEAD_LETTER, null).pipeline("carrier-cpm")
                .source("bw.csv", "line 7").route("route-1", "sftp:bw", "direct:replay").run("run-1", "corr-1")
                .cause(new IllegalStateException("boom")).dedupeKey("dl|1").context("attempts", 3)
                .headers(Map.of("CamelFileName", "bw.csv")).payload(new byte[] {0, 1, (byte) 0xff}, "binary")
                .build();
        NewException same = NewException.of(ExceptionType.DEAD_LETTER, null).pipeline("carrier-cpm")
                .source("bw.csv", "line 7").route("route-1", "sftp:bw", "direct:replay").run("run-1", "corr-1")
                .cause(new IllegalStateException("boom")).dedupeKey("dl|2").context("attempts", 3)
                .headers(Map.of("CamelFileName", "bw.csv")).payload(new byte[] {0, 1, (byte) 0xff}, "binary")
                .build();
        queue.raise(one);
        assertThat(queue.raiseAll(List.of(same))).isEqualTo(1);

        List<Map<String, Object>> rows = jdbc.queryForList("""
                select type, status, pipeline, source, source_position, route_id, endpoint, replay_endpoint, reason,
                    cause_class, run_id, correlation_id, context::text as context, headers::text as headers,
                    encode(payload, 'hex') as payload, payload_type, created_at, updated_at
                from exception_item order by id""");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).isEqualTo(rows.get(0));
        assertThat(rows.get(0)).containsEntry("reason", "(no reason given)").containsEntry("payload", "0001ff")
                .containsEntry("context", "{\"attempts\": 3}");
    }

    @Test
    void raisingTheSameCasesInBulkAgainRefreshesThemAndLeavesAcceptedOnesAlone() {
        List<NewException> found = List.of(chargeCase("leg-1", "0.0300", "run-1", "raw 1"),
                chargeCase("leg-2", "0.0400", "run-1", "raw 2"), chargeCase("leg-3", "0.0500", "run-1", "raw 3"));
        assertThat(queue.raiseAll(found)).isEqualTo(3);
        assertThat(cases()).containsExactly(
                "1 OPEN run-1 leg leg-1 charge 0.0300 on the invoice, 0.0100 rated raw 1",
                "2 OPEN run-1 leg leg-2 charge 0.0400 on the invoice, 0.0100 rated raw 2",
                "3 OPEN run-1 leg leg-3 charge 0.0500 on the invoice, 0.0100 rated raw 3");

        // the next run: leg-2 now billed 0.0450 and read without its raw text; the same three cases, refreshed
        assertThat(queue.raiseAll(List.of(chargeCase("leg-1", "0.0300", "run-2", "raw 1"),
                chargeCase("leg-2", "0.0450", "run-2", null), chargeCase("leg-3", "0.0500", "run-2", "raw 3"))))
                .isEqualTo(3);
        assertThat(cases()).containsExactly(
                "1 OPEN run-2 leg leg-1 charge 0.0300 on the invoice, 0.0100 rated raw 1",
                "2 OPEN run-2 leg leg-2 charge 0.0450 on the invoice, 0.0100 rated raw 2",
                "3 OPEN run-2 leg leg-3 charge 0.0500 on the invoice, 0.0100 rated raw 3");
        assertThat(jdbc.queryForObject("select context->>'invoiceCharge' from exception_item where id = 2",
                String.class)).isEqualTo("0.0450");

        // finance accepts leg-3; found again unchanged it stays accepted, while a key given twice in one batch
        // is raised twice in turn: one case, with the later evidence
        queue.resolve(3, "finance", Resolution.ACCEPTED, "agreed with the carrier");
        assertThat(queue.raiseAll(List.of(chargeCase("leg-1", "0.0300", "run-3", "raw 1"),
                chargeCase("leg-3", "0.0500", "run-3", "raw 3"), chargeCase("leg-1", "0.0310", "run-3", "raw 1b"))))
                .isEqualTo(2);
        assertThat(cases()).containsExactly(
                "1 OPEN run-3 leg leg-1 charge 0.0310 on the invoice, 0.0100 rated raw 1b",
                "2 OPEN run-2 leg leg-2 charge 0.0450 on the invoice, 0.0100 rated raw 2",
                "3 RESOLVED run-2 leg leg-3 charge 0.0500 on the invoice, 0.0100 rated raw 3");

        // leg-3 billed differently: a new problem, a new open case next to the accepted one
        assertThat(queue.raiseAll(List.of(chargeCase("leg-3", "0.0600", "run-4", "raw 3b")))).isEqualTo(1);
        assertThat(cases()).hasSize(4).last().asString()
                .endsWith(" OPEN run-4 leg leg-3 charge 0.0600 on the invoice, 0.0100 rated raw 3b");
    }

    @Test
    void onlyTheAbsentKeyAmongManyIsAutoResolved() {
        // 5,000 open cases of 2026-10-15, one of the 16th, a case of another type with the same leg ids, and two
        // keys either side of the scope's range ("2026-10-15|" up to "2026-10-15}" in byte order) without its prefix
        List<NewException> open = new ArrayList<>();
        Set<String> stillPresent = new HashSet<>();
        for (int i = 1; i <= 5_000; i++) {
            NewException missing = missingCase("2026-10-15", "leg-%05d".formatted(i));
            open.add(missing);
            if (i != 2_500) {
                stillPresent.add(missing.dedupeKey());
            }
        }
        open.add(missingCase("2026-10-16", "leg-02500"));
        open.add(missingCase("2026-10-15}", "leg-02500"));
        open.add(missingCase("2026-10-15{", "leg-02500"));
        open.add(NewException.of(ExceptionType.UNRATED_LEG, "leg leg-02500 unrated")
                .dedupeKey("2026-10-15|BW|RECON_MISSING_ON_INVOICE|leg-02500|").build());
        assertThat(queue.raiseAll(open)).isEqualTo(5_004);

        // the 15th reconciled again finds all but leg-02500
        assertThat(queue.autoResolveAbsent(DAY_TYPES, "2026-10-15|", stillPresent, "no longer found"))
                .isEqualTo(1);
        assertThat(jdbc.queryForList("""
                select type || ' ' || dedupe_key || ' ' || resolution || ' ' || resolution_note || ' ' || resolved_by
                from exception_item where status = 'RESOLVED'""", String.class)).containsExactly(
                "RECON_MISSING_ON_INVOICE 2026-10-15|BW|RECON_MISSING_ON_INVOICE|leg-02500| AUTO_RESOLVED"
                        + " no longer found billing-hub");
        assertThat(jdbc.queryForObject("select count(*) from exception_item where status = 'OPEN'", Long.class))
                .isEqualTo(5_003L);
        // the same again closes nothing more
        assertThat(queue.autoResolveAbsent(DAY_TYPES, "2026-10-15|", stillPresent, "no longer found")).isZero();
        // a scope must end with an ASCII character (its range's end is that character one higher)
        assertThatThrownBy(() -> queue.autoResolveAbsent(DAY_TYPES, "", stillPresent, "no longer found"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.autoResolveAbsent(DAY_TYPES, "2026-10-15|é", stillPresent, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> cases() {
        return jdbc.query("""
                select id, status, run_id, reason, convert_from(payload, 'UTF8') as payload from exception_item
                order by id""", (rs, i) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                + rs.getString(4) + " " + rs.getString(5));
    }
}
