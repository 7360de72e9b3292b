package io.billinghub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.platform.SettableClock;
import io.billinghub.support.HubIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When October is final. November 2026 begins on a Sunday: its business days are the 2nd, 3rd, 4th, 5th, 6th and
 * then the 9th, the 6th business day (Veterans Day, the 11th, comes later). Before it, a run is preliminary unless
 * CXone sent INVOICE_FINALIZED; from it, the daily schedule reconciles and posts a month that is not final yet.
 */
class CxoneFinalisationTest extends HubIntegrationTest {

    /** Friday 6 November, noon in New York: the 5th business day. */
    private static final Instant FRIDAY_NOON = Instant.parse("2026-11-06T17:00:00Z");
    private static final String EVENT = "{\"eventType\":\"INVOICE_FINALIZED\",\"tenantId\":\"acme-contact\","
            + "\"invoiceId\":\"INV-CX-T-2026-10\",\"billingPeriod\":\"2026-10\"}";

    /** Period runs only (the invoice file's intake is a run of its own). */
    private static final String PERIOD_RUNS = "select * from pipeline_run where owner_route = 'cxone-period'";

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void invoiceDropped() throws Exception {
        dropCxoneInvoice();
    }

    @Test
    void aRunBeforeTheSixthBusinessDayIsPreliminaryAndTheWebhookMakesItFinal() throws Exception {
        ((SettableClock) clock).set(FRIDAY_NOON);

        String runId = runOctober("cxone-gl", "cxone-period", true);

        assertThat(jdbc.queryForList("select distinct final from cxone_reconciliation_result", Boolean.class))
                .containsExactly(false);
        assertThat(erpLedger.charges()).isEmpty();
        assertThat(jdbc.queryForObject("select totals ->> 'journal' from pipeline_run where run_id = ?", String.class,
                runId)).isEqualTo("not posted: the period is preliminary until 2026-11-09 or CXone's"
                + " INVOICE_FINALIZED event");

        // a forged event is refused and changes nothing
        assertThat(webhook(EVENT, "sha256=" + "00".repeat(32)).statusCode()).isEqualTo(401);
        assertThat(webhook(EVENT, null).statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from cxone_invoice_event", Long.class)).isZero();

        // CXone's signed event: the final run reconciles again and posts the journal the same Friday
        NotifyBuilder finalRun = whenRouteDone("cxone-period");
        assertThat(webhook(EVENT, sign(EVENT)).statusCode()).isEqualTo(202);
        assertThat(finalRun.matches(120, TimeUnit.SECONDS)).isTrue();
        assertThat(jdbc.queryForList("select distinct final from cxone_reconciliation_result", Boolean.class))
                .containsExactly(true);
        assertThat(erpLedger.charges()).hasSize(1);
        assertThat(jdbc.queryForObject(PERIOD_RUNS.replace("*", "trigger") + " and run_id <> ?", String.class,
                runId)).isEqualTo("WEBHOOK");
    }

    @Test
    void theDailyScheduleReconcilesOctoberFromTheSixthBusinessDayOnce() {
        ((SettableClock) clock).set(FRIDAY_NOON);
        producer.sendBody("direct:cxone-finalisation-daily", null);
        assertThat(jdbc.queryForObject(PERIOD_RUNS.replace("*", "count(*)"), Long.class)).isZero();

        // Monday 9 November, noon in New York
        ((SettableClock) clock).set(Instant.parse("2026-11-09T17:00:00Z"));
        producer.sendBody("direct:cxone-finalisation-daily", null);
        assertThat(jdbc.queryForList(PERIOD_RUNS.replace("*", "trigger || ' ' || status"), String.class))
                .containsExactly("SCHEDULE SUCCEEDED");
        assertThat(jdbc.queryForList("select distinct final from cxone_reconciliation_result", Boolean.class))
                .containsExactly(true);
        assertThat(erpLedger.charges()).hasSize(1);

        // the next day finds October reconciled for good: no second run
        ((SettableClock) clock).set(Instant.parse("2026-11-10T17:00:00Z"));
        producer.sendBody("direct:cxone-finalisation-daily", null);
        assertThat(jdbc.queryForObject(PERIOD_RUNS.replace("*", "count(*)"), Long.class)).isEqualTo(1L);
    }

    @Test
    void aFinalRunThatDidNotCloseLeavesTheMonthToTheDailySchedule() throws Exception {
        // Monday 9 November, noon in New York: October is final, but the run is not asked to close
        ((SettableClock) clock).set(Instant.parse("2026-11-09T17:00:00Z"));
        runOctober("cxone-gl", "cxone-period", false);
        assertThat(jdbc.queryForList("select distinct final from cxone_reconciliation_result", Boolean.class))
                .containsExactly(true);
        assertThat(erpLedger.charges()).isEmpty();

        // the daily job still finds October's journal unposted, and posts it
        producer.sendBody("direct:cxone-finalisation-daily", null);
        assertThat(jdbc.queryForList(PERIOD_RUNS.replace("*", "trigger") + " order by started_at", String.class))
                .containsExactly("API", "SCHEDULE");
        assertThat(erpLedger.charges()).hasSize(1);
    }

    private HttpResponse<String> webhook(String body, String signature) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT
                + "/api/webhooks/cxone")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header(CxoneWebhookController.SIGNATURE_HEADER, signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** HMAC-SHA256 with the default run's shared secret (hub.cxone.webhook-secret). */
    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("sandbox-webhook-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
