package io.billinghub.focus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.support.HubIntegrationTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every FOCUS row the hub writes for a month (carriers, chargeback, Webex, in the combined export) keeps the FOCUS
 * 1.2 rules of the columns it fills, and each source's BilledCost adds up to what that source's own report says.
 */
class FocusExportsConformTest extends HubIntegrationTest {

    @Test
    void theMonthsCombinedExportConformsAndAddsUpPerSource() throws Exception {
        runEveryPipeline();
        HttpResponse<String> export = get("/api/focus?period=2026-10");
        assertThat(export.statusCode()).isEqualTo(200);
        List<Map<String, String>> rows = FocusRules.check(export.body());

        Map<String, BigDecimal> billed = new TreeMap<>();
        rows.forEach(row -> billed.merge(row.get("x_Source"), new BigDecimal(row.get("BilledCost")),
                BigDecimal::add));
        assertThat(billed).containsOnlyKeys("carriers", "chargeback", "webex");
        // the chargeback allocates the whole platform spend: its rows add up to the report's total
        JsonNode chargeback = json.readTree(get("/api/chargeback/2026-10").body());
        assertThat(billed.get("chargeback")).isEqualByComparingTo(chargeback.path("adjustedTotal").decimalValue());
        // the carriers' rows add up to their invoices' stated totals (Bandwidth 0.06, Twilio 0.09)
        assertThat(billed.get("carriers")).isEqualByComparingTo("0.15");
    }
}
