package io.billinghub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.sandbox.ErpLedger;
import io.billinghub.support.HubIntegrationTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

/**
 * The carrier cost-per-minute pipeline end to end: carriers drop invoices over SFTP, a period run pulls the usage
 * from the sandbox API (duplicated page, 429s and 503s included), rates it, reconciles it and posts to the ERP
 * sink; then the same file is dropped again and the period run again, and nothing is counted or posted twice.
 *
 * <p>Fixture (src/test/resources/e2e), worked out by hand. Rate cards: Bandwidth.com 6/6 (1 = 0.0100, 1212 =
 * 0.0085, 1415 = 0.0080 until 2026-10-16 then 0.0060), Twilio 60/60 (1 = 0.0120, 44 = 0.0300); costs rounded
 * HALF_UP to 4 decimals. Legs (billingDuration → billed seconds → cost):
 * <pre>
 * leg-01  Bandwidth +1415 10-15 61 s → 66 s = 1.1 min × 0.0080 = 0.0088   (day before the rate change)
 * leg-02  Bandwidth +1415 10-16 61 s → 66 s = 1.1 min × 0.0060 = 0.0066   (boundary day: new rate)
 * leg-03  Twilio    +1415 10-15 61 s → 120 s = 2 min × 0.0120  = 0.0240   (same 61 s, 60/60 against 6/6)
 * leg-04a Bandwidth +44   10-15 failed, 0 s                     excluded   (primary carrier attempt)
 * leg-04b Twilio    +44   10-15 95 s → 120 s = 2 min × 0.0300  = 0.0600   (fallback: priced at Twilio)
 * leg-05  monitor leg of call-1, 61 s                          excluded
 * leg-06  Bandwidth +688  10-15 30 s                            unrated NO_RATE (unmatched prefix)
 * leg-07  Bandwidth +1212 10-15 61 s → 66 s × 0.0085 / 60 = 0.00935 → 0.0094
 * leg-08  GammaNet  +1415 10-15 45 s                            unrated UNKNOWN_CARRIER
 * leg-09  Bandwidth +1212 10-15 7 s → 12 s = 0.2 min × 0.0085 = 0.0017
 * leg-10  Twilio    +1415 10-15 20 s → 60 s = 1 min × 0.0120   = 0.0120
 * </pre>
 */
class CarrierCpmEndToEndTest extends HubIntegrationTest {

    @Test
    void aMonthFromCarrierFilesAndVendorUsageToTheErp() throws Exception {
        dropFixtureCarrierInvoices();

        String runId = runOctoberAndClose();

        // Extraction: 10 legs on 10-15 in pages of 3 → 4 pages, page 1 served twice → 13 records; 1 leg on 10-16
        // → 1 page served twice → 2 records. 15 in = 15 accepted (11 new legs + 4 repeats), nothing rejected.
        Map<String, Object> run = jdbc.queryForMap(
                "select status, records_in, records_accepted, records_rejected from pipeline_run where run_id = ?",
                runId);
        assertThat(run).containsEntry("status", "SUCCEEDED").containsEntry("records_in", 15L)
                .containsEntry("records_accepted", 15L).containsEntry("records_rejected", 0L);
        assertThat(jdbc.queryForObject("select count(*) from usage_leg", Long.class)).isEqualTo(11L);
        // run totals: 7 rated legs billed 66 + 66 + 120 + 120 + 66 + 12 + 60 = 510 s = 8.5 min for 0.1225;
        // 2 excluded (failed attempt, monitor), 2 unrated; 0.12 posted
        JsonNode totals = json.readTree(jdbc.queryForObject("select totals::text from pipeline_run where run_id = ?",
                String.class, runId));
        assertThat(totals.path("ratedLegs").asLong()).isEqualTo(7);
        assertThat(totals.path("excludedLegs").asLong()).isEqualTo(2);
        assertThat(totals.path("unratedLegs").asLong()).isEqualTo(2);
        assertThat(totals.path("ratedBilledMinutes").asText()).isEqualTo("8.500000");
        assertThat(totals.path("ratedCost").asText()).isEqualTo("0.122500");
        assertThat(totals.path("erpPosted").asText()).isEqualTo("0.12");

        assertThat(ratedLegs()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("leg-01", "RATED CARRIER PRIMARY Bandwidth.com US-West 66 0.0088"),
                Map.entry("leg-02", "RATED CARRIER PRIMARY Bandwidth.com US-West 66 0.0066"),
                Map.entry("leg-03", "RATED CARRIER PRIMARY Twilio US 120 0.0240"),
                Map.entry("leg-04a", "EXCLUDED UNANSWERED null Bandwidth.com null 0 null"),
                Map.entry("leg-04b", "RATED CARRIER FALLBACK Twilio UK 120 0.0600"),
                Map.entry("leg-05", "EXCLUDED MONITOR null Bandwidth.com null 0 null"),
                Map.entry("leg-06", "UNRATED CARRIER PRIMARY Bandwidth.com null 30 null"),
                Map.entry("leg-07", "RATED CARRIER PRIMARY Bandwidth.com US-NY 66 0.0094"),
                Map.entry("leg-08", "UNRATED CARRIER PRIMARY GammaNet null 45 null"),
                Map.entry("leg-09", "RATED CARRIER PRIMARY Bandwidth.com US-NY 12 0.0017"),
                Map.entry("leg-10", "RATED CARRIER PRIMARY Twilio US 60 0.0120")));

        // CPM = SUM(cost) / SUM(billed minutes). Bandwidth US-NY on 10-15: (0.0094 + 0.0017) / (1.1 + 0.2) =
        // 0.0111 / 1.3 = 0.0085384… → 0.008538 (the average of the two legs' ratios would be 0.008523).
        // Bandwidth US-West on 10-16: 0.0066 / 1.1 = 0.006; its 7 days: (0.0088 + 0.0066) / 2.2 = 0.007.
        // Twilio US on 10-15: (0.0240 + 0.0120) / 3 = 0.012.
        JsonNode cpm = json.readTree(get("/api/cpm?from=2026-10-15&to=2026-10-16").body());
        assertThat(cpmRow(cpm, "Bandwidth.com", "US-NY", "2026-10-15"))
                .containsExactly("2", "1.3", "0.0111", "0.008538", "0.008538");
        assertThat(cpmRow(cpm, "Bandwidth.com", "US-West", "2026-10-16"))
                .containsExactly("1", "1.1", "0.0066", "0.006", "0.007");
        assertThat(cpmRow(cpm, "Twilio", "US", "2026-10-15"))
                .containsExactly("2", "3", "0.036", "0.012", "0.012");
        // a segment with no minutes on a day (Bandwidth US-NY on 10-16) has no CPM, only its trailing figure
        assertThat(cpmRow(cpm, "Bandwidth.com", "US-NY", "2026-10-16"))
                .containsExactly("0", "0", "0", "null", "0.008538");

        // Reconciliation. Bandwidth (CSV, New York time: 20:00:30 on the 15th is 00:00:30Z on the 16th) on 10-15:
        // leg-01, leg-07, leg-09 matched, leg-09 billed 0.0250 against 0.0017 (delta 0.0233 > 0.01), one line
        // for a leg the platform never reported; invoice 0.0088 + 0.0094 + 0.0250 + 0.0100 = 0.0532 against
        // 0.0088 + 0.0094 + 0.0017 = 0.0199. Twilio (X12) on 10-15: leg-03 and leg-04b matched, leg-04b billed
        // 3.5 min against 2 (delta 1.5 > 1); leg-10 is on no invoice.
        assertThat(reconciliation()).containsExactly(
                "Bandwidth.com 2026-10-15 BW-2026-10 DISCREPANCIES matched=3 charge=1 minute=0 missing=0 notInUsage=1"
                        + " internal=0.0199 invoice=0.0532",
                "Bandwidth.com 2026-10-16 BW-2026-10 MATCHED matched=1 charge=0 minute=0 missing=0 notInUsage=0"
                        + " internal=0.0066 invoice=0.0066",
                "Twilio 2026-10-15 (none) UNBILLED_LEGS matched=0 charge=0 minute=0 missing=1 notInUsage=0"
                        + " internal=0.012 invoice=0",
                "Twilio 2026-10-15 TW-2026-10 DISCREPANCIES matched=2 charge=0 minute=1 missing=0 notInUsage=0"
                        + " internal=0.084 invoice=0.084");

        // Every finding is one open case. TDS*9 is 0.09 (two implied decimals) against lines 0.0840 → 0.08.
        assertThat(openCases()).containsExactlyInAnyOrder(
                "INVOICE_LINE_REJECTED bandwidth/bandwidth-2026-10.csv line 7",
                "RECON_CHARGE_DELTA bandwidth-2026-10.csv line 5",
                "RECON_NOT_IN_USAGE bandwidth-2026-10.csv line 6",
                "RECON_MINUTE_DELTA twilio-2026-10.edi segment 10",
                "RECON_MISSING_ON_INVOICE usage Twilio 2026-10-15 leg leg-10",
                "RECON_INVOICE_TOTAL_MISMATCH twilio-2026-10.edi invoice TW-2026-10",
                "UNRATED_LEG telephony usage acme-contact leg leg-06",
                "UNRATED_LEG telephony usage acme-contact leg leg-08");
        assertThat(jdbc.queryForObject("select context->>'statedTotal' from exception_item"
                + " where type = 'RECON_INVOICE_TOTAL_MISMATCH'", String.class)).isEqualTo("0.090000");

        // ERP: per GL key, exact sums 0.0111 (Bandwidth US-NY), 0.0154 (Bandwidth US-West), 0.0360 (Twilio US),
        // 0.0600 (Twilio UK) = 0.1225 → 0.12. Floors 0.01 + 0.01 + 0.03 + 0.06 = 0.11; the cent left goes to the
        // largest remainder (Twilio US, 0.0060) → 0.01, 0.01, 0.04, 0.06. The sink's first POST answered 503; the
        // retry posted it once.
        List<ErpLedger.Charge> posted = erpLedger.charges();
        assertThat(posted).hasSize(1);
        JsonNode batch = json.readTree(posted.get(0).payload());
        assertThat(posted.get(0).idempotencyKey()).isEqualTo("billing-hub/carrier-cpm/2026-10/1");
        assertThat(batch.path("kind").asText()).isEqualTo("ORIGINAL");
        assertThat(batch.path("total").asText()).isEqualTo("0.12");
        assertThat(batch.path("lines").findValuesAsText("amount")).containsExactly("0.01", "0.01", "0.04", "0.06");
        assertThat(lineKeys(batch)).containsExactly(
                "6100-1000 CC-TEL Bandwidth.com US-NY 2", "6100-1000 CC-TEL Bandwidth.com US-West 2",
                "6100-1000 CC-TEL Twilio US 2", "6120-2000 CC-INTL Twilio UK 1");
        assertThat(jdbc.queryForObject("select status from erp_batch", String.class)).isEqualTo("POSTED");

        // The carrier drops the same file again: skipped (same name and checksum), moved to done, nothing stored.
        NotifyBuilder redropped = new NotifyBuilder(camel).fromRoute("carrier-invoices-bandwidth").whenDone(1)
                .create();
        drop("bandwidth", "bandwidth-2026-10.csv", fixture("e2e/bandwidth-2026-10.csv"));
        assertThat(redropped.matches(60, TimeUnit.SECONDS)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from carrier_invoice_file", Long.class)).isEqualTo(2L);
        assertThat(jdbc.queryForObject("select count(*) from carrier_invoice_line", Long.class)).isEqualTo(7L);
        assertThat(filesIn("bandwidth/done")).isEqualTo(2L);
        assertThat(filesIn("bandwidth/inbox")).isZero();

        // The period again: the same 11 legs, the same figures, no new batch, nothing posted twice.
        runOctoberAndClose();
        assertThat(jdbc.queryForObject("select count(*) from usage_leg", Long.class)).isEqualTo(11L);
        assertThat(jdbc.queryForObject("select sum(cost) from rated_leg", BigDecimal.class))
                .isEqualByComparingTo("0.1225");
        assertThat(jdbc.queryForObject("select count(*) from erp_batch", Long.class)).isEqualTo(1L);
        assertThat(erpLedger.charges()).hasSize(1);
        assertThat(openCases()).hasSize(8);
    }


    private Map<String, String> ratedLegs() {
        return jdbc.query("select * from rated_leg", rs -> {
            Map<String, String> legs = new java.util.HashMap<>();
            while (rs.next()) {
                BigDecimal cost = rs.getBigDecimal("cost");
                legs.put(rs.getString("leg_id"), rs.getString("rating_status") + " " + rs.getString("leg_class") + " "
                        + rs.getString("leg_role") + " " + rs.getString("carrier_name") + " "
                        + rs.getString("destination_region") + " " + rs.getInt("billed_seconds") + " "
                        // at the carriers' declared cost scale: fails if a cost ever carries more digits
                        + (cost == null ? null : cost.setScale(4, RoundingMode.UNNECESSARY)));
            }
            return legs;
        });
    }

    private static List<String> cpmRow(JsonNode rows, String carrier, String region, String day) {
        for (JsonNode row : rows) {
            if (row.path("carrierName").asText().equals(carrier) && row.path("destinationRegion").asText()
                    .equals(region) && row.path("day").asText().equals(day)) {
                return List.of(row.path("legs").asText(), number(row.path("billedMinutes")), number(row.path("cost")),
                        number(row.path("cpm")), number(row.path("trailing7dCpm")));
            }
        }
        throw new AssertionError("no CPM row " + carrier + " " + region + " " + day + " in " + rows);
    }

    /** A JSON decimal as plain text without trailing zeros, "null" for null. */
    private static String number(JsonNode value) {
        return value.isNull() ? "null" : value.decimalValue().stripTrailingZeros().toPlainString();
    }

    private List<String> reconciliation() {
        return jdbc.query("select * from reconciliation_result order by carrier_name, utc_day, invoice_number",
                (rs, i) -> rs.getString("carrier_name") + " " + rs.getString("utc_day") + " "
                        + rs.getString("invoice_number") + " " + rs.getString("status") + " matched="
                        + rs.getInt("matched_lines") + " charge=" + rs.getInt("charge_mismatches") + " minute="
                        + rs.getInt("minute_mismatches") + " missing=" + rs.getInt("missing_on_invoice")
                        + " notInUsage=" + rs.getInt("not_in_usage") + " internal="
                        + rs.getBigDecimal("internal_cost").stripTrailingZeros().toPlainString() + " invoice="
                        + rs.getBigDecimal("invoice_charge").stripTrailingZeros().toPlainString());
    }

    private List<String> openCases() {
        return jdbc.query("select type, source, source_position from exception_item where status <> 'RESOLVED'",
                (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
    }

    private static List<String> lineKeys(JsonNode batch) {
        List<String> keys = new java.util.ArrayList<>();
        batch.path("lines").forEach(l -> keys.add(l.path("glAccount").asText() + " " + l.path("costCentre").asText()
                + " " + l.path("carrierName").asText() + " " + l.path("destinationRegion").asText() + " "
                + l.path("legCount").asText()));
        return keys;
    }
}
