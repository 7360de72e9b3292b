package io.billinghub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.support.HubIntegrationTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real headless Chromium against the hub running the fixture month (the carrier files of
 * src/test/resources/e2e dropped over SFTP, October 2026 run through the carrier pipeline, the chargeback extracted
 * from both sandboxes). Every figure read off the screen is compared with the REST API and with a figure worked out
 * by hand from the fixture (CarrierCpmEndToEndTest's table of legs) or summed here from the stored source records.
 * Screenshots of every page: target/console-screenshots.
 *
 * <p>Fixture legs behind the figures (billed seconds, cost): Bandwidth.com US-NY leg-07 66 s 0.0094 and leg-09
 * 12 s 0.0017; US-West leg-01 66 s 0.0088 (10-15) and leg-02 66 s 0.0066 (10-16); Twilio US leg-03 120 s 0.0240
 * and leg-10 60 s 0.0120; Twilio UK leg-04b 120 s 0.0600.
 */
class ConsoleBrowserTest extends HubIntegrationTest {

    private ConsoleBrowser browser;

    @BeforeEach
    void runTheFixtureMonth() throws Exception {
        dropFixtureCarrierInvoices();
        runOctober("carrier-cpm", "carrier-cpm-period", false);
        browser = new ConsoleBrowser(HTTP_PORT);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theCpmMatrixItsTrendAndTheLegsBehindACell() throws Exception {
        browser.signIn(TestUser.FINANCE.username, TestUser.FINANCE.password);
        browser.open("cpm?from=2026-10-01&to=2026-10-31&granularity=DAY");
        browser.await("cpm-matrix");

        // CPM = cost × 60 / billed seconds over the month: US-NY (0.0094 + 0.0017) × 60 / 78 = 0.0085384… →
        // 0.008538; US-West (0.0088 + 0.0066) × 60 / 132 = 0.007; Twilio US 0.0360 × 60 / 180 = 0.012; UK
        // 0.0600 × 60 / 120 = 0.03
        Map<String, String> cells = new LinkedHashMap<>();
        for (WebElement cell : browser.all("cpm-cell")) {
            cells.put(cell.getDomAttribute("data-carrier") + " " + cell.getDomAttribute("data-region"),
                    cell.getText());
        }
        assertThat(cells).containsExactly(Map.entry("Bandwidth.com US-NY", "0.008538"),
                Map.entry("Bandwidth.com US-West", "0.007000"), Map.entry("Twilio UK", "0.030000"),
                Map.entry("Twilio US", "0.012000"));
        JsonNode matrix = json.readTree(get("/api/cpm/matrix?from=2026-10-01&to=2026-10-31").body());
        for (JsonNode cell : matrix.path("cells")) {
            assertThat(new BigDecimal(cells.get(cell.path("carrierName").asText() + " "
                    + cell.path("destinationRegion").asText()))).isEqualByComparingTo(cell.path("cpm").decimalValue());
        }
        assertThat(browser.all("cpm-trend")).hasSize(1);
        browser.screenshot("cpm-matrix");

        browser.click("[data-testid=cpm-cell][data-carrier='Bandwidth.com'][data-region='US-NY']");
        WebElement legs = browser.await("legs-table");
        assertThat(legs.findElements(By.cssSelector("tbody tr td:first-child"))).extracting(WebElement::getText)
                .containsExactly("leg-07", "leg-09");
        assertThat(browser.all(legs, "leg-cost")).extracting(WebElement::getText)
                .containsExactly("0.009400", "0.001700");
        browser.screenshot("cpm-legs");

        // 7-day buckets from 10-01: 10-15 and 10-16 both fall in 10-15..10-21. Bandwidth.com: (0.0088 + 0.0066 +
        // 0.0094 + 0.0017) × 60 / 210 = 0.0075714… → 0.007571; Twilio: 0.0960 × 60 / 300 = 0.0192
        browser.open("cpm?from=2026-10-01&to=2026-10-31&granularity=WEEK");
        browser.await("cpm-matrix");
        List<String> trend = browser.all("cpm-trend-table").get(0).findElements(By.cssSelector("tbody tr")).stream()
                .map(row -> row.getAttribute("textContent")).toList();
        assertThat(trend).hasSize(2);
        assertThat(trend.get(0)).startsWith("Bandwidth.com2026-10-152026-10-21").endsWith("0.007571");
        assertThat(trend.get(1)).startsWith("Twilio2026-10-152026-10-21").endsWith("0.019200");
        browser.screenshot("cpm-weekly");
    }

    @Test
    void reconciliationChargebackRunsAndMappingsShowWhatTheApiSays() throws Exception {
        String chargebackRun = runOctober("chargeback", "chargeback-period", false);
        browser.signIn(TestUser.FINANCE.username, TestUser.FINANCE.password);

        // Bandwidth.com: 10-15 DISCREPANCIES (hub 0.0199, invoiced 0.0532), 10-16 MATCHED (0.0066 both): variance
        // 0.0598 − 0.0265 = 0.0333. Twilio: 10-15 unbilled legs (hub 0.012, nothing invoiced) and the X12 invoice
        // with a minute delta (0.084 both): 0.084 − 0.096 = −0.012.
        browser.open("reconciliation?period=2026-10");
        browser.await("recon-overview");
        assertThat(overviewRow("carrier", "Bandwidth.com")).containsExactly("EXCEPTIONS", "2", "1", "0", "1",
                "0.0265", "0.0598", "0.0333");
        assertThat(overviewRow("carrier", "Twilio")).containsExactly("EXCEPTIONS", "2", "0", "0", "2", "0.096",
                "0.084", "-0.012");
        for (JsonNode row : json.readTree(get("/api/reconciliation/overview?period=2026-10").body())) {
            List<String> shown = overviewRow(row.path("vendor").asText(), row.path("scope").asText());
            assertThat(new BigDecimal(shown.get(7))).isEqualByComparingTo(row.path("variance").decimalValue());
        }
        browser.screenshot("reconciliation-overview");

        browser.click("[data-testid='recon-carrier-Bandwidth.com']");
        browser.await("recon-days");
        browser.click("[data-testid='day-2026-10-15']");
        WebElement evidence = browser.await("recon-evidence-table");
        // leg-09 invoiced 0.0250 against 0.0017 rated: delta 0.0233; and a line for a leg the platform never had
        assertThat(evidence.findElements(By.cssSelector("tbody tr td:nth-child(2)"))).extracting(WebElement::getText)
                .containsExactlyInAnyOrder("RECON_CHARGE_DELTA", "RECON_NOT_IN_USAGE");
        assertThat(browser.all(evidence, "evidence-delta")).extracting(e -> e.getDomAttribute("data-value"))
                .contains("0.023300");
        browser.screenshot("reconciliation-evidence");

        // the chargeback conserves the platform invoices: summed here from the extracted invoice records
        BigDecimal invoiced = jdbc.queryForObject("""
                select sum((r.payload->>'amount')::numeric) from org_record r
                join org_extraction e on e.extraction_id = r.extraction_id
                where e.run_id = ? and r.resource = 'INVOICE'""", BigDecimal.class, chargebackRun);
        JsonNode report = json.readTree(get("/api/chargeback/2026-10").body());
        browser.open("chargeback?period=2026-10");
        WebElement total = browser.await("chargeback-total");
        assertThat(new BigDecimal(total.getDomAttribute("data-value"))).isEqualByComparingTo(invoiced)
                .isEqualByComparingTo(report.path("adjustedTotal").decimalValue());
        assertThat(total.getText().replace(",", "")).isEqualTo(total.getDomAttribute("data-value"));
        assertThat(new BigDecimal(browser.await("manifest-platformSpend").getDomAttribute("data-value")))
                .isEqualByComparingTo(invoiced);
        assertThat(new BigDecimal(browser.await("manifest-conservationDifference").getDomAttribute("data-value")))
                .isZero();
        assertThat(sum(browser.all("bu-total"))).isEqualByComparingTo(invoiced);
        browser.screenshot("chargeback");

        // a cost centre's total is the sum of the lines behind it, as listed
        WebElement centreTotal = browser.all("cc-total").get(0);
        BigDecimal centre = new BigDecimal(centreTotal.getDomAttribute("data-value"));
        centreTotal.click();
        WebElement lines = browser.await("chargeback-line-table");
        assertThat(sum(browser.all(lines, "line-amount"))).isEqualByComparingTo(centre);
        browser.screenshot("chargeback-lines");

        // runs: the carrier run counted 15 usage records in, 15 accepted (CarrierCpmEndToEndTest)
        browser.open("runs?pipeline=carrier-cpm");
        browser.await("run-table");
        browser.click("[data-testid=run-table] tbody tr");
        WebElement counts = browser.await("run-counts");
        assertThat(counts.getText()).isEqualTo("15 in = 15 accepted + 0 rejected");
        assertThat(browser.all("run-phases")).hasSize(1);
        browser.screenshot("runs");

        browser.open("mappings");
        browser.await("version-table");
        JsonNode versions = json.readTree(get("/api/reference-data/versions").body());
        assertThat(browser.all("version-id")).extracting(WebElement::getText)
                .containsExactlyElementsOf(versions.findValuesAsText("id"));
        browser.screenshot("mappings");
    }

    @Test
    void anOperatorResolvesAndReplaysCasesAndWatchesABulkReplay() throws Exception {
        browser.signIn(TestUser.OPERATOR.username, TestUser.OPERATOR.password);
        long delta = caseId("RECON_CHARGE_DELTA", null);
        browser.open("exceptions?id=" + delta);
        WebElement card = browser.await("case-card");
        // the original invoice line as the carrier sent it (bandwidth-2026-10.csv line 5)
        assertThat(browser.await("case-payload").getText()).contains("leg-09").contains("0.0250");
        assertThat(card.getDomAttribute("data-id")).isEqualTo(String.valueOf(delta));
        browser.screenshot("exception-case");

        new Select(browser.find("[data-testid=resolve-resolution]"))
                .selectByValue("ACCEPTED");
        browser.find("[data-testid=resolve-note]").sendKeys("Carrier credit agreed on the October statement");
        browser.click("[data-testid=resolve]");
        browser.toastContaining("resolved");
        browser.awaitText("case-resolved", "operator: ACCEPTED");
        JsonNode resolved = json.readTree(get("/api/exceptions/" + delta).body());
        assertThat(resolved.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.path("resolvedBy").asText()).isEqualTo("operator");
        assertThat(resolved.path("resolutionNote").asText())
                .isEqualTo("Carrier credit agreed on the October statement");
        browser.screenshot("exception-resolved");

        // leg-06 (+688) has no rate yet: its replay fails and says why
        long leg06 = caseId("UNRATED_LEG", "leg leg-06");
        long leg08 = caseId("UNRATED_LEG", "leg leg-08");
        browser.open("exceptions?id=" + leg06);
        browser.click("[data-testid=replay]");
        assertThat(browser.toastContaining("Replay failed")).contains("NO_RATE");
        assertThat(json.readTree(get("/api/exceptions/" + leg06).body()).path("status").asText()).isEqualTo("OPEN");

        Path rateCards = MAPPINGS.resolve("rate-cards.csv");
        byte[] original = Files.readAllBytes(rateCards);
        Files.writeString(rateCards, new String(original, StandardCharsets.UTF_8)
                + "Bandwidth.com,688,Tuvalu,0.5000,6/6,2026-01-01,\n");
        try {
            // an admin loads the corrected rate card from the mappings page
            browser.signOut();
            browser.signIn(TestUser.ADMIN.username, TestUser.ADMIN.password);
            browser.open("mappings");
            browser.click("[data-testid=reload-mappings]");
            browser.toastContaining("telephony-rating: ACTIVATED");
            browser.awaitText("version-changes", "changed rate-cards.csv");
            assertThat(browser.all("version-by").get(0).getText()).isEqualTo("admin");
            browser.screenshot("mappings-reloaded");

            // both unrated legs replayed at once: leg-06 is now rated, leg-08's carrier (GammaNet) is still unknown
            browser.open("exceptions?type=UNRATED_LEG");
            browser.await("exception-table");
            browser.click("[data-testid=select-case][data-id='" + leg06 + "']");
            browser.click("[data-testid=select-case][data-id='" + leg08 + "']");
            browser.click("[data-testid=replay-selected]");
            browser.awaitText("bulk-progress-text", "2 of 2 replayed: 1 succeeded, 1 failed.");
            assertThat(browser.await("bulk-items").findElements(By.cssSelector("tbody tr")))
                    .extracting(WebElement::getText).containsExactly(
                            leg06 + " SUCCEEDED replayed into direct:rate-legs",
                            leg08 + " FAILED IllegalStateException: leg leg-08 still cannot be rated:"
                                    + " {UNKNOWN_CARRIER=1}");
            browser.screenshot("exceptions-bulk-replay");
        } finally {
            Files.write(rateCards, original);
            post("/api/reference-data/reload", "");
        }
        JsonNode rated = json.readTree(get("/api/exceptions/" + leg06).body());
        assertThat(rated.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(rated.path("resolution").asText()).isEqualTo("REPLAYED");
        assertThat(rated.path("resolvedBy").asText()).isEqualTo("admin");
        assertThat(json.readTree(get("/api/exceptions/" + leg08).body()).path("status").asText()).isEqualTo("OPEN");
        // 30 s at 6/6 bills 30 s = 0.5 min × 0.5000 = 0.2500
        assertThat(jdbc.queryForObject("select cost from rated_leg where leg_id = 'leg-06'", BigDecimal.class))
                .isEqualByComparingTo("0.25");
    }

    /** Status, units, matched, drift, exceptions, hub, invoiced, variance as shown (figures without separators). */
    private List<String> overviewRow(String vendor, String scope) {
        WebElement row = browser.find("[data-testid='recon-" + vendor + "-" + scope + "']");
        return List.of("recon-status", "recon-unit-count", "recon-matched", "recon-drift", "recon-exceptions",
                "recon-internal", "recon-invoiced", "recon-variance").stream().map(testid -> {
                    WebElement cell = browser.all(row, testid).get(0);
                    String value = cell.getDomAttribute("data-value");
                    return value == null || value.isEmpty() ? cell.getText()
                            : new BigDecimal(value).stripTrailingZeros().toPlainString();
                }).toList();
    }

    /** The figures of these cells as the API sent them, added up here. */
    private static BigDecimal sum(List<WebElement> cells) {
        return cells.stream().map(e -> new BigDecimal(e.getDomAttribute("data-value")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private long caseId(String type, String position) {
        return jdbc.queryForObject("select id from exception_item where type = ? and (cast(? as text) is null"
                + " or source_position = ?)", Long.class, type, position, position);
    }
}
