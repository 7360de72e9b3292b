package io.billinghub.sandbox.cxone;

import static io.billinghub.sandbox.cxone.CxoneTestSupport.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.billinghub.sandbox.cxone.CxoneInvoiceBuilder.Amounts;
import io.billinghub.sandbox.cxone.CxoneInvoiceBuilder.Discrepancies;
import io.billinghub.sandbox.cxone.CxoneInvoiceBuilder.GroupKey;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CxoneInvoiceBuilderTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Test
    void groupsTheWindowsLinesByFeatureAndCostCentreInUsd() {
        List<CxoneReportLine> lines = List.of(
                // 30 Sep 23:59:59 in New York: September, left out.
                call("ln_sep", "2026-10-01T03:59:59Z", "9.0000", "0.7200"),
                call("ln_a", "2026-10-01T04:00:00Z", "1.0000", "0.0800"),
                call("ln_b", "2026-10-15T14:30:00Z", "0.5050", "0.0404"),
                // 31 Oct 23:59:59 in New York: October, kept.
                call("ln_c", "2026-11-01T03:59:59Z", "0.0049", "0.0004"),
                credit("ln_d", "-0.5050", "-0.0404"),
                cad("ln_e", "10.0000", "1.3000"),
                // 1 Nov 00:00 in New York: November, left out.
                call("ln_nov", "2026-11-01T04:00:00Z", "7.0000", "0.5600"));
        CxoneSandboxInvoice invoice = builder(Discrepancies.NONE).build(OCTOBER, lines);
        // VOICE_CALL x cc_ca_support: 10.0000 CAD at the 31 Oct rate 0.7285 = 7.285 -> 7.29; tax 1.3 x 0.7285 =
        // 0.94705 -> 0.95 (not the 0.7310 in force on the call's day).
        // VOICE_CALL x cc_marketing: 1.0000 + 0.5050 + 0.0049 - 0.5050 = 1.0049 -> 1.00; tax 0.0804 -> 0.08.
        assertThat(invoice.lines()).containsExactly(
                new CxoneSandboxInvoice.Line(1, CxoneFeatureType.VOICE_CALL, "cc_ca_support", new BigDecimal("7.29"),
                        new BigDecimal("0.95")),
                new CxoneSandboxInvoice.Line(2, CxoneFeatureType.VOICE_CALL, "cc_marketing", new BigDecimal("1.00"),
                        new BigDecimal("0.08")));
        assertThat(invoice.totalAmount()).isEqualTo("8.29");
        assertThat(invoice.totalTax()).isEqualTo("1.03");
        assertThat(invoice.invoiceId()).isEqualTo("INV-CX-2026-10");
        assertThat(invoice.billingPeriod()).isEqualTo(OCTOBER);
        assertThat(invoice.status()).isEqualTo("FINAL");
        assertThat(invoice.reportingTimeZone()).isEqualTo("America/New_York");
        assertThat(invoice.currencyCode()).isEqualTo("USD");
        // 09:00 in New York (EST after 1 Nov) on the 5th working day of November, Friday 6 Nov.
        assertThat(invoice.issuedAt()).isEqualTo(Instant.parse("2026-11-06T14:00:00Z"));
        assertThat(invoice.billingWindowStart()).isEqualTo(Instant.parse("2026-10-01T04:00:00Z"));
        assertThat(invoice.billingWindowEnd()).isEqualTo(Instant.parse("2026-11-01T03:59:59Z"));
    }

    @Test
    void plantsTheThreeDiscrepanciesOnTheirGroups() {
        List<CxoneReportLine> lines = List.of(
                line(CxoneFeatureType.VOICE_CALL, "cc_sales", "200.0000"),
                line(CxoneFeatureType.LICENSE_AGENT, "cc_support_tier1", "95.0000"),
                line(CxoneFeatureType.LICENSE_AGENT, "cc_marketing", "95.0000"));
        CxoneSandboxInvoice invoice = builder(Discrepancies.DEMO).build(OCTOBER, lines);
        // 200.00 x 1.0075 = 201.50; 95.00 + 0.01 = 95.01; IVR_MINUTES x cc_sales 0.00 with no usage; the
        // untouched group as is. Order: VOICE_CALL, IVR_MINUTES, ..., LICENSE_AGENT (by cost centre).
        assertThat(invoice.lines()).extracting(CxoneSandboxInvoice.Line::featureType,
                        CxoneSandboxInvoice.Line::costCenterId, line -> line.amount().toPlainString())
                .containsExactly(
                        tuple(CxoneFeatureType.VOICE_CALL, "cc_sales", "201.50"),
                        tuple(CxoneFeatureType.IVR_MINUTES, "cc_sales", "0.00"),
                        tuple(CxoneFeatureType.LICENSE_AGENT, "cc_marketing", "95.00"),
                        tuple(CxoneFeatureType.LICENSE_AGENT, "cc_support_tier1",
                                "95.01"));
        assertThat(invoice.line(CxoneFeatureType.IVR_MINUTES, "cc_sales").taxAmount()).isEqualTo("0.00");
        assertThat(invoice.lines()).extracting(CxoneSandboxInvoice.Line::lineNumber).containsExactly(1, 2, 3, 4);
        // 201.50 + 0.00 + 95.00 + 95.01
        assertThat(invoice.totalAmount()).isEqualTo("391.51");
    }

    @Test
    void theDefaultMonthsInvoice() {
        CxoneMonth month = CxoneMonthGenerator.generateDefault();
        CxoneInvoiceBuilder builder = CxoneInvoiceBuilder.standard(month.zone());
        Map<GroupKey, Amounts> usage = builder.usageTotals(month.period(), month.lines());
        CxoneSandboxInvoice invoice = builder.build(month.period(), month.lines());

        // 5 features x 7 cost centres = 35 groups; cc_sales has no IVR, the zero line fills that gap.
        assertThat(usage).hasSize(34).doesNotContainKey(CxoneInvoiceBuilder.ZERO)
                .containsKey(new GroupKey(CxoneFeatureType.VOICE_CALL, "cc_legacy_ops"));
        assertThat(invoice.lines()).hasSize(35);
        // Hand-checkable groups:
        //   LICENSE_SUPERVISOR x cc_collections: 3 supervisors x 140.00 = 420.00, tax 33.60.
        //   LICENSE_SUPERVISOR x cc_ca_support: 3 x 189.00 CAD = 567.00 x 0.7285 = 413.0595 -> 413.06.
        //   LICENSE_AGENT x cc_ca_support: 21 x 128.25 + 85.50 + 79.39 (prorated) = 2858.14 CAD x 0.7285
        //     = 2082.15499 -> 2082.15.
        //   LICENSE_AGENT x cc_support_tier1: 78 x 95.00 + 63.33 + 22.62 + 22.67 (prorated) = 7518.62.
        //   LICENSE_AGENT x cc_marketing: 34 x 95.00 + 54.29 + 31.67 (prorated) - 95.00 (credit memo) = 3220.96.
        assertThat(usage.get(new GroupKey(CxoneFeatureType.LICENSE_SUPERVISOR, "cc_collections")))
                .isEqualTo(new Amounts(new BigDecimal("420.00"), new BigDecimal("33.60")));
        assertThat(invoice.line(CxoneFeatureType.LICENSE_SUPERVISOR, "cc_ca_support").amount()).isEqualTo("413.06");
        assertThat(invoice.line(CxoneFeatureType.LICENSE_AGENT, "cc_ca_support").amount()).isEqualTo("2082.15");
        assertThat(invoice.line(CxoneFeatureType.LICENSE_AGENT, "cc_marketing").amount()).isEqualTo("3220.96");
        assertThat(usage.get(CxoneInvoiceBuilder.DRIFTED).amount()).isEqualTo("7518.62");

        // EXCEPTION: VOICE_CALL x cc_sales 2565.13 in usage, 2565.13 x 1.0075 = 2584.368 -> 2584.37 invoiced,
        // 0.75 % above usage; relative to the invoice as the document computes it, 19.24 / 2584.37 = 0.744 %.
        assertThat(usage.get(CxoneInvoiceBuilder.OVERBILLED).amount()).isEqualTo("2565.13");
        assertThat(invoice.line(CxoneFeatureType.VOICE_CALL, "cc_sales").amount()).isEqualTo("2584.37");
        assertThat(variancePercent(new BigDecimal("2565.13"), new BigDecimal("2584.37")))
                .isGreaterThan(new BigDecimal("0.5"));
        // ROUNDING_DRIFT: LICENSE_AGENT x cc_support_tier1 7518.62 + 0.01 = 7518.63, under 0.5 %.
        assertThat(invoice.line(CxoneFeatureType.LICENSE_AGENT, "cc_support_tier1").amount()).isEqualTo("7518.63");
        assertThat(variancePercent(new BigDecimal("7518.62"), new BigDecimal("7518.63")))
                .isPositive().isLessThan(new BigDecimal("0.5"));
        // Zero line: IVR_MINUTES x cc_sales, 0.00 and 0.00, no usage behind it.
        assertThat(invoice.line(CxoneFeatureType.IVR_MINUTES, "cc_sales"))
                .isEqualTo(new CxoneSandboxInvoice.Line(12, CxoneFeatureType.IVR_MINUTES, "cc_sales",
                        new BigDecimal("0.00"), new BigDecimal("0.00")));
        // Every other line is the usage exactly, taxes included (the overbilled group keeps its usage tax).
        for (CxoneSandboxInvoice.Line line : invoice.lines()) {
            GroupKey key = new GroupKey(line.featureType(), line.costCenterId());
            if (!key.equals(CxoneInvoiceBuilder.OVERBILLED) && !key.equals(CxoneInvoiceBuilder.DRIFTED)
                    && !key.equals(CxoneInvoiceBuilder.ZERO)) {
                assertThat(new Amounts(line.amount(), line.taxAmount())).as(key.toString()).isEqualTo(usage.get(key));
            } else if (!key.equals(CxoneInvoiceBuilder.ZERO)) {
                assertThat(line.taxAmount()).isEqualTo(usage.get(key).taxAmount());
            }
        }
        // Totals are the sums of the invoice's lines: usage 44117.79 + 19.24 + 0.01 = 44137.04.
        assertThat(invoice.totalAmount()).isEqualTo(invoice.lines().stream().map(CxoneSandboxInvoice.Line::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualTo("44137.04");
        assertThat(usage.values().stream().map(Amounts::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo("44117.79");
        assertThat(invoice.totalTax()).isEqualTo("3715.56");
    }

    private static BigDecimal variancePercent(BigDecimal api, BigDecimal invoiced) {
        return api.subtract(invoiced).abs().multiply(BigDecimal.valueOf(100)).divide(invoiced, 6, RoundingMode.HALF_UP);
    }

    private static CxoneInvoiceBuilder builder(Discrepancies discrepancies) {
        return new CxoneInvoiceBuilder(NEW_YORK, CxoneFxRates.standard(), WorkingDays.standard(), discrepancies);
    }

    private static CxoneReportLine credit(String lineId, String cost, String tax) {
        CxoneReportLine base = call(lineId, "2026-10-28T14:00:00Z", cost, tax);
        return new CxoneReportLine(base.lineId(), base.usageDate(), base.userId(), base.userName(), base.phoneNumber(),
                base.featureType(), base.direction(), 0, base.costAmount(), "USD", base.taxAmount(), base.taxRate(),
                base.costCenterId(), false, "CM-2026-10-001", "ln_b", null, null, null);
    }

    private static CxoneReportLine cad(String lineId, String cost, String tax) {
        return new CxoneReportLine(lineId, Instant.parse("2026-10-10T15:00:00Z"), "usr_00002", "agent.tremblay",
                "+14165550101", CxoneFeatureType.VOICE_CALL, "INBOUND", 60, new BigDecimal(cost), "CAD",
                new BigDecimal(tax), new BigDecimal("0.13"), "cc_ca_support", false, null, null, null, null, null);
    }

    private static CxoneReportLine line(CxoneFeatureType feature, String costCentre, String cost) {
        return new CxoneReportLine("ln_" + feature + costCentre, Instant.parse("2026-10-10T15:00:00Z"), "usr_00003",
                "agent.roy", "+12125550102", feature, null, 0, new BigDecimal(cost), "USD", new BigDecimal("0.0000"),
                new BigDecimal("0.08"), costCentre, false, null, null, null, null, null);
    }
}
