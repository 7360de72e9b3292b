package io.billinghub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.sandbox.ErpLedger;
import io.billinghub.support.HubIntegrationTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CXone GL reconciliation end to end: finance drops the invoice CSV over SFTP, the period run requests the
 * usage report (submit, two status polls 15 s and 30 s apart in simulated time, pages of 3 with 429 storms), stages,
 * normalises, reconciles and posts the journal; a second run changes nothing.
 *
 * <p>Fixture (src/test/resources/e2e/cxone-*), reporting zone America/New_York, PRE_TAX, tolerance 0.5 %:
 * <pre>
 * ln_c1 VOICE cc_marketing      5 Oct            10.00 USD            -> 6010-4500
 * ln_c2 VOICE cc_marketing      1 Nov 02:30Z = 31 Oct 22:30 New York   5.00  -> October, 6010-4500
 * ln_c3 VOICE cc_marketing      1 Oct 03:30Z = 30 Sep in New York      outside the report window
 * ln_c4 VOICE cc_support_tier2  15 Oct 20.00     -> 6020-1200 (mapping until the 15th)
 * ln_c5 VOICE cc_support_tier2  16 Oct 30.00     -> 6020-1300 (mapping from the 16th)
 * ln_c6 VOICE cc_support_tier2  20 Oct  4.00, tax 0.35 instead of 4.00 × 0.08 = 0.32 -> tax mismatch
 * ln_c7 VOICE cc_legacy_ops      7 Oct  3.00     -> unmapped: 9999-0000 (Unallocated)
 * ln_c8 VOICE cc_support_tier2  14 Oct 10.00 CAD × 0.7310 = 7.31 USD (tax 1.30 × 0.7310 = 0.9503) -> 6020-1200
 * ln_l1 LICENSE cc_support_tier2 prorated 19-31 Oct: 10 working days of 21 (Columbus Day) -> 95.00 × 10 / 21 =
 *       45.238… = 45.24 expected, 45.29 billed -> proration mismatch; 6020-1300
 * ln_l2 LICENSE cc_marketing    full month 95.00  -> 6010-4500
 * ln_cm credit memo CM-1 correcting ln_l2: -95.00 -> compensating entry on 6010-4500
 * </pre>
 */
class CxoneEndToEndTest extends HubIntegrationTest {

    @Test
    void aCxoneMonthReconciledAndPostedToTheLedger() throws Exception {
        dropCxoneInvoice();

        String runId = runOctober("cxone-gl", "cxone-period", true);

        // 10 lines in the window (ln_c3 is September in New York), all accepted; pages of 3: 3, 3, 3, 1
        assertThat(jdbc.queryForMap("select status, records_in, records_accepted, records_rejected from pipeline_run"
                + " where run_id = ?", runId)).containsEntry("status", "SUCCEEDED").containsEntry("records_in", 10L)
                .containsEntry("records_accepted", 10L).containsEntry("records_rejected", 0L);
        JsonNode extract = json.readTree(jdbc.queryForObject("select details::text from run_phase where run_id = ?"
                + " and phase like 'extract%'", String.class, runId));
        assertThat(extract.path("pages").asInt()).isEqualTo(4);
        assertThat(extract.path("statusRequests").asInt()).isEqualTo(2);
        // requests to CXone: submit 1, polls 2-3, page 1 after the 429s of 4-5 (6), page 2 (7), page 3 after 8-9
        // (10), page 4 (11), the invoice after 12-13 (14: 404, the invoice came as a file)
        assertThat(cxoneFaults.requests()).isEqualTo(14);

        assertThat(jdbc.queryForList("select line_id || ' ' || period || ' ' || gl_account || ' ' || gl_amount"
                + " from cxone_normalised_line order by line_id", String.class)).containsExactly(
                "ln_c1 2026-10 6010-4500 10.000000", "ln_c2 2026-10 6010-4500 5.000000",
                "ln_c4 2026-10 6020-1200 20.000000", "ln_c5 2026-10 6020-1300 30.000000",
                "ln_c6 2026-10 6020-1300 4.000000", "ln_c7 2026-10 9999-0000 3.000000",
                "ln_c8 2026-10 6020-1200 7.310000", "ln_cm 2026-10 6010-4500 -95.000000",
                "ln_l1 2026-10 6020-1300 45.290000", "ln_l2 2026-10 6010-4500 95.000000");

        // aggregates: 6010-4500 cost 10 + 5 + 95 - 95 = 15.00, tax 0.8 + 0.4 + 7.6 - 7.6 = 1.20, threshold
        // 15 × 0.5 % = 0.075 -> 0.08; 6020-1200 27.31, tax 1.6 + 0.9503, threshold 0.13655 -> 0.14; 6020-1300 30 + 4 +
        // 45.29 = 79.29, tax 2.4 + 0.35, threshold 0.39645 -> 0.40; Unallocated 3.00, threshold 0.015 -> 0.02
        assertThat(jdbc.queryForList("select gl_account || ' ' || department || ' ' || total_cost || ' ' || total_tax"
                + " || ' ' || record_count || ' ' || variance_threshold from cxone_gl_aggregate order by gl_account",
                String.class)).containsExactly(
                "6010-4500 Digital Marketing 15.000000 1.200000 4 0.080000",
                "6020-1200 Technical Support 27.310000 2.550300 2 0.140000",
                "6020-1300 Technical Support 79.290000 2.750000 3 0.400000",
                "9999-0000 Unallocated 3.000000 0.240000 1 0.020000");

        // reconciliation by feature × GL: the tier-2 VOICE invoice line (61.31) is split 27.31 / 34.00 as its usage
        // is; 15.00 against 15.05 is 0.05 / 15.05 = 0.332 % (drift); 45.29 against 46.00 is 0.71 / 46 = 1.543 %;
        // the relative variance is null only where nothing was invoiced (licence 95.00 less its credit memo)
        assertThat(cxoneResults()).containsExactly(
                "LICENSE_AGENT 6010-4500 0.00 0.00 0.00 null MATCHED",
                "LICENSE_AGENT 6020-1300 45.29 46.00 -0.71 1.543478 EXCEPTION",
                "VOICE_CALL 6010-4500 15.00 15.05 -0.05 0.332226 ROUNDING_DRIFT",
                "VOICE_CALL 6020-1200 27.31 27.31 0.00 0.000000 MATCHED",
                "VOICE_CALL 6020-1300 34.00 34.00 0.00 0.000000 MATCHED",
                "VOICE_CALL 9999-0000 3.00 3.00 0.00 0.000000 MATCHED");
        assertThat(jdbc.queryForList("select distinct final from cxone_reconciliation_result", Boolean.class))
                .containsExactly(true);

        assertThat(openCases()).containsExactlyInAnyOrder(
                "CXONE_TAX_MISMATCH line ln_c6",
                "CXONE_PRORATION_MISMATCH line ln_l1",
                "CXONE_UNMAPPED_COST_CENTRE cost centre cc_legacy_ops",
                "CXONE_VARIANCE LICENSE_AGENT / 6020-1300");
        Map<String, Object> variance = jdbc.queryForMap("select context::text as context, convert_from(payload,"
                + " 'UTF8') as payload from exception_item where type = 'CXONE_VARIANCE'");
        JsonNode context = json.readTree((String) variance.get("context"));
        assertThat(context.path("apiAmount").asText()).isEqualTo("45.29");
        assertThat(context.path("invoiceAmount").asText()).isEqualTo("46.00");
        assertThat(context.path("glAmountBasis").asText()).isEqualTo("PRE_TAX");
        // the invoice line behind the discrepancy, as finance dropped it
        assertThat((String) variance.get("payload"))
                .isEqualTo("LINE,INV-CX-T-2026-10,2026-10,LICENSE_AGENT,cc_support_tier2,46.00,0.00,USD");
        // and the usage behind it, with its transformation state and the line as CXone sent it: 95.00 / 21 × 10 =
        // 45.238… expected, to the cent
        JsonNode behind = json.readTree(get(context.path("usageLines").asText()).body());
        assertThat(behind).hasSize(1);
        assertThat(behind.get(0).path("line_id").asText()).isEqualTo("ln_l1");
        assertThat(behind.get(0).path("prorated_expected").decimalValue()).isEqualByComparingTo("45.24");
        assertThat(json.readTree(behind.get(0).path("raw_payload").asText()).path("lineId").asText())
                .isEqualTo("ln_l1");

        // the journal, final (the 9th of November is the 6th business day): per GL account and department, the
        // credit memo as its own compensating entry; 110.00 - 95.00 + 27.31 + 79.29 + 3.00 = 124.60
        List<ErpLedger.Charge> posted = erpLedger.charges();
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).idempotencyKey()).isEqualTo("billing-hub/cxone-gl/2026-10/1");
        JsonNode journal = json.readTree(posted.get(0).payload());
        assertThat(journal.path("total").asText()).isEqualTo("124.60");
        assertThat(journalLines(journal)).containsExactly(
                "6010-4500 Digital Marketing CREDIT_MEMO CM-1 -95.00 1",
                "6010-4500 Digital Marketing USAGE null 110.00 3",
                "6020-1200 Technical Support USAGE null 27.31 2",
                "6020-1300 Technical Support USAGE null 79.29 3",
                "9999-0000 Unallocated USAGE null 3.00 1");
        assertThat(filesIn("erp/outbox")).isEqualTo(1L);

        // run again (faults hit other requests this time): the completed report is reused, nothing changes
        List<String> before = cxoneResults();
        runOctober("cxone-gl", "cxone-period", true);
        assertThat(cxoneResults()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from cxone_report", Long.class)).isEqualTo(1L);
        assertThat(jdbc.queryForObject("select count(*) from cxone_usage_line", Long.class)).isEqualTo(10L);
        assertThat(erpLedger.charges()).hasSize(1);
        assertThat(openCases()).hasSize(4);
        assertThat(jdbc.queryForObject("select sum(gl_amount) from cxone_normalised_line", BigDecimal.class))
                .isEqualByComparingTo("124.60");
    }

    private List<String> cxoneResults() {
        return jdbc.query("select * from cxone_reconciliation_result order by feature_type, gl_account",
                (rs, i) -> rs.getString("feature_type") + " " + rs.getString("gl_account") + " "
                        + rs.getBigDecimal("api_amount") + " " + rs.getBigDecimal("invoice_amount") + " "
                        + rs.getBigDecimal("variance") + " " + rs.getBigDecimal("relative_variance") + " "
                        + rs.getString("status"));
    }

    private List<String> openCases() {
        return jdbc.query("select type, source_position from exception_item where status <> 'RESOLVED'",
                (rs, i) -> rs.getString(1) + " " + rs.getString(2));
    }

    private static List<String> journalLines(JsonNode journal) {
        List<String> lines = new ArrayList<>();
        journal.path("lines").forEach(l -> lines.add(l.path("glAccount").asText() + " " + l.path("department").asText()
                + " " + l.path("entryType").asText() + " " + (l.path("creditMemoId").isNull() ? "null"
                : l.path("creditMemoId").asText()) + " " + l.path("amount").asText() + " "
                + l.path("recordCount").asText()));
        return lines;
    }
}
