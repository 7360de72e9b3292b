package io.billinghub.focus;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.support.HubIntegrationTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The carriers' FOCUS export of the fixture month (invoices and legs of CarrierCpmEndToEndTest, worked out by hand
 * there), checked against the FOCUS 1.2 rules for the columns it fills ({@link FocusRules}).
 */
class CarrierFocusExportTest extends HubIntegrationTest {

    @Test
    void theCarriersInvoicesOfAMonthAsFocusRows() throws Exception {
        dropFixtureCarrierInvoices();
        runOctober("carrier-cpm", "carrier-cpm-period", false);

        HttpResponse<String> response = get("/api/focus/carriers?period=2026-10", TestUser.FINANCE);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"carriers-focus-2026-10.csv\"");
        List<Map<String, String>> rows = FocusRules.check(response.body());

        // Per row: invoice, category, BilledCost, charge period start, ConsumedQuantity, SkuId, x_HubRatedCost.
        // Bandwidth bills New York time: 08:00, 12:00 and 12:30 on the 15th are that day in UTC, 20:00:30 is
        // 00:00:30Z on the 16th; leg-bad is rejected at intake. Its TOTAL states 0.06 against lines of 0.0088 +
        // 0.0066 + 0.0094 + 0.0250 + 0.0100 = 0.0598: an adjustment of 0.0002. Twilio (UTC): 0.0240 + 0.0600 =
        // 0.0840 against TDS 0.09: 0.0060. The hub's ratings are those of the legs (leg-09 billed 0.0250, rated
        // 0.0017); leg-not-in-usage has no leg.
        assertThat(rows.stream().map(r -> Stream.of("InvoiceId", "ChargeCategory", "BilledCost", "ChargePeriodStart",
                "ConsumedQuantity", "SkuId", "x_HubRatedCost").map(c -> Objects.toString(r.get(c), ""))
                .collect(Collectors.joining(" "))).toList()).containsExactly(
                "BW-2026-10 Usage 0.008800 2026-10-15T00:00:00Z 1.1 bandwidth/US-West 0.008800",
                "BW-2026-10 Usage 0.006600 2026-10-16T00:00:00Z 1.1 bandwidth/US-West 0.006600",
                "BW-2026-10 Usage 0.009400 2026-10-15T00:00:00Z 1.1 bandwidth/US-NY 0.009400",
                "BW-2026-10 Usage 0.025000 2026-10-15T00:00:00Z 0.2 bandwidth/US-NY 0.001700",
                "BW-2026-10 Usage 0.010000 2026-10-15T00:00:00Z 1 bandwidth/unrated ",
                "BW-2026-10 Adjustment 0.000200 2026-10-01T00:00:00Z  bandwidth/invoice ",
                "TW-2026-10 Usage 0.024000 2026-10-15T00:00:00Z 2 twilio/US 0.024000",
                "TW-2026-10 Usage 0.060000 2026-10-15T00:00:00Z 3.5 twilio/UK 0.060000",
                "TW-2026-10 Adjustment 0.006000 2026-10-01T00:00:00Z  twilio/invoice ");
        assertThat(rows.get(5).get("ChargeDescription"))
                .isEqualTo("Stated total 0.060000 less lines and other charges 0.059800");
        assertThat(rows.get(3).get("ChargeDescription")).isEqualTo("Call leg-09 to +12125550109, 0.2 min");
        assertThat(rows.get(3).get("x_InvoicePosition")).isEqualTo("line 5");
        assertThat(rows.get(3).get("Tags")).isEqualTo("{\"x_CarrierId\":\"bandwidth\",\"x_Region\":\"US-NY\"}");

        // BilledCost summed per InvoiceId is each invoice's stated total; EffectiveCost is BilledCost
        Map<String, BigDecimal> billed = new TreeMap<>();
        rows.forEach(r -> billed.merge(r.get("InvoiceId"), new BigDecimal(r.get("BilledCost")), BigDecimal::add));
        assertThat(billed).containsExactly(Map.entry("BW-2026-10", new BigDecimal("0.060000")),
                Map.entry("TW-2026-10", new BigDecimal("0.090000")));
        assertThat(rows).allSatisfy(r -> assertThat(r.get("EffectiveCost")).isEqualTo(r.get("BilledCost")));
        assertThat(rows).allSatisfy(r -> assertThat(r.get("BillingPeriodStart")).isEqualTo("2026-10-01T00:00:00Z"));
        assertThat(rows).allSatisfy(r -> assertThat(r.get("BillingPeriodEnd")).isEqualTo("2026-11-01T00:00:00Z"));
        assertThat(Instant.parse(rows.get(1).get("ChargePeriodEnd"))).isEqualTo("2026-10-17T00:00:00Z");

        // another month has no invoice: the header alone
        assertThat(get("/api/focus/carriers?period=2026-09", TestUser.FINANCE).body().lines()).hasSize(1);
    }
}
