package io.billinghub.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.support.HubIntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two days reconciled a day at a time, against the database. Fixture, by hand (tolerances 0.01 and 1 min):
 * <pre>
 * Bandwidth.com legs: a 10-15 2.0 min 0.0200, b 10-15 1.0 min 0.0100, c 10-16 1.5 min 0.0150,
 *                     d 10-16 3.0 min 0.0300, u 10-15 unrated
 * Twilio legs:        t 10-15 2.0 min 0.0240 (Twilio billed nothing)
 * Bandwidth invoice BW-2026-10, bandwidth-2026-10.csv:
 *   line 2  a     10-15 2.0 min 0.0200   matched
 *   line 3  c     10-15 1.5 min 0.0150   dated the 15th, its leg lies on the 16th: matched on the 16th
 *   line 4  d     10-16 3.0 min 0.0500   charge delta 0.0200
 *   line 5  ghost 10-16 1.0 min 0.0100   not in usage
 *   line 6  a     10-15 2.0 min 0.0200   billed again
 * </pre>
 */
class ReconciliationServiceTest extends HubIntegrationTest {

    private static final LocalDate D15 = LocalDate.parse("2026-10-15");
    private static final LocalDate D16 = LocalDate.parse("2026-10-16");

    @Autowired
    private ReconciliationService reconciliation;

    @BeforeEach
    void fixture() {
        for (String day : List.of("2026-10-15", "2026-10-16")) {
            jdbc.update("""
                    insert into extraction_window (tenant_id, window_start, window_end, status, pages, records,
                        checksum, extracted_at)
                    values ('acme-contact', cast(? as date), cast(? as date) + 1, 'SETTLED', 1, 0, 'x',
                        cast(? as date) + 2)""", day, day, day);
        }
        leg("a", "Bandwidth.com", "2026-10-15", "2.0", "0.0200");
        leg("b", "Bandwidth.com", "2026-10-15", "1.0", "0.0100");
        leg("c", "Bandwidth.com", "2026-10-16", "1.5", "0.0150");
        leg("d", "Bandwidth.com", "2026-10-16", "3.0", "0.0300");
        leg("u", "Bandwidth.com", "2026-10-15", "0.5", null);
        leg("t", "Twilio", "2026-10-15", "2.0", "0.0240");
        jdbc.update("""
                insert into carrier_invoice_file (carrier_id, file_name, checksum, format, received_at, status,
                    lines_in, lines_accepted, lines_rejected)
                values ('bandwidth', 'bandwidth-2026-10.csv', 'x', 'CSV', '2026-11-02T00:00Z', 'ACCEPTED', 5, 5, 0)""");
        jdbc.update("""
                insert into carrier_invoice (file_id, carrier_id, carrier_name, invoice_number, lines_total,
                    other_charges, line_count, status, received_at)
                values (1, 'bandwidth', 'Bandwidth.com', 'BW-2026-10', 0.1100, 0, 5, 'CURRENT',
                    '2026-11-02T00:00Z')""");
        line(2, "a", "2026-10-15", "2.0", "0.0200");
        line(3, "c", "2026-10-15", "1.5", "0.0150");
        line(4, "d", "2026-10-16", "3.0", "0.0500");
        line(5, "ghost", "2026-10-16", "1.0", "0.0100");
        line(6, "a", "2026-10-15", "2.0", "0.0200");
    }

    @Test
    void aLineOnOneDayForALegOfTheNextIsReconciledOnTheLegsDay() {
        ReconciliationService.Outcome outcome = reconciliation.reconcile(List.of(D15, D16), "run-1", "corr-1");

        assertThat(outcome.days()).containsExactly(D15, D16);
        assertThat(outcome.summaries()).isEqualTo(4);
        assertThat(outcome.matchedLines()).isEqualTo(3);
        assertThat(outcome.discrepancies()).isEqualTo(Map.of("RECON_DUPLICATE_BILLING", 1,
                "RECON_MISSING_ON_INVOICE", 1, "RECON_NO_INVOICE", 1, "RECON_CHARGE_DELTA", 1,
                "RECON_NOT_IN_USAGE", 1));
        // the 15th: a matched, a billed again (2 lines, 0.0400 against 0.0200); b on no Bandwidth line although
        // Bandwidth billed the day; Twilio billed nothing. The 16th: c (billed on a line of the 15th) and d
        // matched, d's charge 0.0500 against 0.0300, the ghost line: 3 lines 0.0750 against 0.0450.
        List<String> results = List.of(
                "Bandwidth.com 2026-10-15 (none) UNBILLED_LEGS matched=0 charge=0 missing=1 notInUsage=0 legs=1"
                        + " internal=1/0.01 lines=0 invoice=0/0 run-1",
                "Bandwidth.com 2026-10-15 BW-2026-10 DISCREPANCIES matched=1 charge=0 missing=0 notInUsage=1 legs=1"
                        + " internal=2/0.02 lines=2 invoice=4/0.04 run-1",
                "Bandwidth.com 2026-10-16 BW-2026-10 DISCREPANCIES matched=2 charge=1 missing=0 notInUsage=1 legs=2"
                        + " internal=4.5/0.045 lines=3 invoice=5.5/0.075 run-1",
                "Twilio 2026-10-15 (none) NO_INVOICE matched=0 charge=0 missing=1 notInUsage=0 legs=1"
                        + " internal=2/0.024 lines=0 invoice=0/0 run-1");
        assertThat(results()).containsExactlyElementsOf(results);
        // by key (the day first); a line's case carries the line as the carrier sent it
        List<String> cases = List.of(
                "OPEN RECON_DUPLICATE_BILLING bandwidth-2026-10.csv line 6 a,2026-10-15,2.0,0.0200",
                "OPEN RECON_MISSING_ON_INVOICE usage Bandwidth.com 2026-10-15 leg b null",
                "OPEN RECON_NO_INVOICE usage Twilio 2026-10-15 null null",
                "OPEN RECON_CHARGE_DELTA bandwidth-2026-10.csv line 4 d,2026-10-16,3.0,0.0500",
                "OPEN RECON_NOT_IN_USAGE bandwidth-2026-10.csv line 5 ghost,2026-10-16,1.0,0.0100");
        assertThat(cases()).containsExactlyElementsOf(cases);
        assertThat(jdbc.queryForObject("select context->>'chargeDelta' from exception_item"
                + " where type = 'RECON_CHARGE_DELTA'", String.class)).isEqualTo("0.020000");

        // again: the same results and the same five cases, refreshed, none opened twice
        reconciliation.reconcile(List.of(D15, D16), "run-2", "corr-2");
        assertThat(results()).containsExactlyElementsOf(
                results.stream().map(r -> r.replace("run-1", "run-2")).toList());
        assertThat(cases()).containsExactlyElementsOf(cases);
        assertThat(jdbc.queryForObject("select count(*) from exception_item where run_id = 'run-2'", Long.class))
                .isEqualTo(5L);

        // Bandwidth corrects line 4 to the rated 0.0300 and the 16th alone is reconciled: its charge delta case
        // is closed, its results replaced; the 15th keeps its results and cases
        jdbc.update("update carrier_invoice_line set charge = 0.0300 where line_no = 4");
        outcome = reconciliation.reconcile(List.of(D16), "run-3", "corr-3");
        assertThat(outcome.discrepancies()).isEqualTo(Map.of("RECON_NOT_IN_USAGE", 1));
        assertThat(results()).containsExactly(
                results.get(0).replace("run-1", "run-2"),
                results.get(1).replace("run-1", "run-2"),
                "Bandwidth.com 2026-10-16 BW-2026-10 DISCREPANCIES matched=2 charge=0 missing=0 notInUsage=1 legs=2"
                        + " internal=4.5/0.045 lines=3 invoice=5.5/0.055 run-3",
                results.get(3).replace("run-1", "run-2"));
        assertThat(jdbc.queryForList("select type || ' ' || status || ' ' || coalesce(resolution, '-')"
                + " from exception_item order by dedupe_key collate \"C\"", String.class)).containsExactly(
                "RECON_DUPLICATE_BILLING OPEN -", "RECON_MISSING_ON_INVOICE OPEN -", "RECON_NO_INVOICE OPEN -",
                "RECON_CHARGE_DELTA RESOLVED AUTO_RESOLVED", "RECON_NOT_IN_USAGE OPEN -");
    }

    @Test
    void eachDayAloneGivesWhatTheTwoDaysTogetherGive() {
        reconciliation.reconcile(List.of(D15, D16), "run-1", "corr-1");
        List<String> together = results();
        List<String> togetherCases = cases();
        jdbc.execute("truncate reconciliation_result, exception_item restart identity");

        reconciliation.reconcile(List.of(D15), "run-1", "corr-1");
        reconciliation.reconcile(List.of(D16), "run-1", "corr-1");
        assertThat(results()).containsExactlyElementsOf(together);
        assertThat(cases()).containsExactlyElementsOf(togetherCases);
    }

    @Test
    void aDayReconciledBeforeTheDayOfALineBillingItIsReconciledAgainWithThatLine() {
        // the 16th alone first: line 3 (dated the 15th) is not yet known to bill c, so c is missing on the invoice
        ReconciliationService.Outcome first = reconciliation.reconcile(List.of(D16), "run-1", "corr-1");
        assertThat(first.days()).containsExactly(D16);
        assertThat(first.discrepancies()).isEqualTo(Map.of("RECON_CHARGE_DELTA", 1, "RECON_MISSING_ON_INVOICE", 1,
                "RECON_NOT_IN_USAGE", 1));
        assertThat(cases()).contains("OPEN RECON_MISSING_ON_INVOICE usage Bandwidth.com 2026-10-16 leg c null");

        // the 15th's pass finds line 3 billing c of the 16th: the 16th is reconciled again with it, c matched and
        // its case closed; each day's results then as when both were asked for together
        ReconciliationService.Outcome second = reconciliation.reconcile(List.of(D15), "run-2", "corr-2");
        assertThat(second.days()).containsExactly(D15, D16);
        assertThat(jdbc.queryForObject("select leg_day from carrier_invoice_line where line_no = 3", LocalDate.class))
                .isEqualTo(D16);
        assertThat(jdbc.queryForObject("select status || ' ' || resolution from exception_item"
                + " where type = 'RECON_MISSING_ON_INVOICE' and dedupe_key like '2026-10-16|%'", String.class))
                .isEqualTo("RESOLVED AUTO_RESOLVED");
        List<String> separately = results().stream().map(r -> r.replace("run-2", "run")).toList();
        jdbc.execute("truncate reconciliation_result, exception_item restart identity");
        reconciliation.reconcile(List.of(D15, D16), "run", "corr");
        assertThat(separately).containsExactlyElementsOf(results());
    }

    private void leg(String id, String carrier, String day, String minutes, String cost) {
        jdbc.update("""
                insert into usage_leg (leg_id, call_id, tenant_id, vendor, start_time, duration_seconds,
                    billing_duration_seconds, carrier_name, raw_payload, payload_checksum, first_seen_at, last_seen_at)
                values (?, ?, 'acme-contact', 'genesys', cast(? as date) + time '12:00', 60, 60, ?, '{}', 'x',
                    '2026-11-01T00:00Z', '2026-11-01T00:00Z')""", id, "call-" + id, day, carrier);
        jdbc.update("""
                insert into rated_leg (leg_id, tenant_id, call_id, utc_day, start_time, leg_class, rating_status,
                    carrier_name, carrier_id, raw_seconds, billed_seconds, raw_minutes, billed_minutes, cost, rated_at)
                values (?, 'acme-contact', ?, cast(? as date), cast(? as date) + time '12:00', 'CARRIER', ?, ?, ?, 60,
                    60, cast(? as numeric), cast(? as numeric), cast(? as numeric), '2026-11-01T00:00Z')""",
                id, "call-" + id, day, day, cost == null ? "UNRATED" : "RATED", carrier,
                carrier.toLowerCase(), minutes, minutes, cost);
    }

    private void line(int lineNo, String leg, String day, String minutes, String charge) {
        jdbc.update("""
                insert into carrier_invoice_line (invoice_id, line_no, position, leg_reference, start_time, utc_day,
                    minutes, charge, raw)
                values (1, ?, ?, ?, cast(? as date) + time '23:59:58', cast(? as date), cast(? as numeric),
                    cast(? as numeric), ?)""", lineNo, "line " + lineNo, leg, day, day, minutes, charge,
                String.join(",", leg, day, minutes, charge));
    }

    private List<String> results() {
        return jdbc.query("""
                select * from reconciliation_result
                order by carrier_name collate "C", utc_day, invoice_number collate "C\"""",
                (rs, i) -> rs.getString("carrier_name") + " " + rs.getString("utc_day") + " "
                        + rs.getString("invoice_number") + " " + rs.getString("status") + " matched="
                        + rs.getInt("matched_lines") + " charge=" + rs.getInt("charge_mismatches") + " missing="
                        + rs.getInt("missing_on_invoice") + " notInUsage=" + rs.getInt("not_in_usage") + " legs="
                        + rs.getInt("internal_legs") + " internal=" + plain(rs.getBigDecimal("internal_billed_minutes"))
                        + "/" + plain(rs.getBigDecimal("internal_cost")) + " lines=" + rs.getInt("invoice_lines")
                        + " invoice=" + plain(rs.getBigDecimal("invoice_minutes")) + "/"
                        + plain(rs.getBigDecimal("invoice_charge")) + " " + rs.getString("run_id"));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private List<String> cases() {
        return jdbc.query("""
                select status, type, source, source_position, convert_from(payload, 'UTF8') from exception_item
                order by dedupe_key collate "C\"""", (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " "
                + rs.getString(3) + " " + rs.getString(4) + " " + rs.getString(5));
    }
}
