package io.billinghub.wholesale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.sandbox.ErpLedger;
import io.billinghub.support.HubIntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * A partner month through the Webex sandbox: the hand-worked partner of WebexFixture (a sub-partner, half-day
 * provisioning, a mid-month licence change) in e2e/webex/user-report-2026-10.csv, whose USER report repeats u1's
 * row once, and the invoice of WholesaleReconcilerTest in e2e/webex/partner-invoice-2026-10.csv. Six reports are
 * extracted (USER, CUSTOMER and PARTNER of the partner and of the sub-partner), with the sandbox's 429s, 423s,
 * 202s and IN_PROGRESS polls on the way, and one download link refused as expired.
 */
class WebexWholesalePipelineTest extends HubIntegrationTest {

    private static final String SUB = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9ub3J0aHdpbmQtdm9pY2U";

    @Test
    void aPartnerMonthIsReconciledAndItsCustomerStatementsPostedOnce() throws Exception {
        ingestInvoice();
        webexSandbox.faults().expireNextDownloads(1);

        String runId = runOctober("webex-wholesale", "webex-period", true);

        JsonNode run = json.readTree(get("/api/runs/" + runId).body());
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        // six reports; the partner's USER report: 5 rows in, u1's repeated row rejected
        List<String> extracts = new ArrayList<>();
        int refusals = 0;
        for (JsonNode phase : run.path("phases")) {
            if (phase.path("phase").asText().startsWith("extract ")) {
                extracts.add(phase.path("phase").asText().replace(SUB, "S") + " " + phase.path("recordsIn").asLong()
                        + "/" + phase.path("recordsAccepted").asLong() + "/" + phase.path("recordsRejected").asLong());
                refusals += phase.path("details").path("linkRefusals").asInt();
            }
        }
        assertThat(extracts).containsExactly(
                "extract USER report of acme-partner for 2026-10 5/4/1",
                "extract USER report of acme-partner sub-partner S for 2026-10 2/2/0",
                "extract CUSTOMER report of acme-partner for 2026-10 4/4/0",
                "extract CUSTOMER report of acme-partner sub-partner S for 2026-10 2/2/0",
                "extract PARTNER report of acme-partner for 2026-10 2/2/0",
                "extract PARTNER report of acme-partner sub-partner S for 2026-10 2/2/0");
        assertThat(refusals).isEqualTo(1);

        // WebexFixture: C1 28.06 (BASIC 3.87, PRO 24.19), C2 8.93 (CAW 5.25, PRO 3.68)
        JsonNode statements = json.readTree(get("/api/webex/2026-10/statements").body());
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).path("customerExternalId").asText()).isEqualTo("C1-EXT");
        assertThat(statements.get(0).path("total").decimalValue()).isEqualByComparingTo("28.06");
        assertThat(statements.get(0).path("lines")).extracting(l -> l.path("sku").asText() + " "
                        + l.path("quantity").decimalValue().stripTrailingZeros().toPlainString() + " "
                        + l.path("amount").decimalValue())
                .containsExactly("A-WX-CALL-BASIC 15 3.87", "A-WX-CALL-PRO 62.5 24.19");
        assertThat(statements.get(1).path("customerExternalId").asText()).isEqualTo("C2-EXT");
        assertThat(statements.get(1).path("total").decimalValue()).isEqualByComparingTo("8.93");

        // per user: PRO 24.19 split 12.00 / 6.00 / 6.19 by 31 / 15.5 / 16 licence-days
        JsonNode c1 = json.readTree(get("/api/webex/2026-10/statements/C1-EXT").body());
        assertThat(c1.path("users")).extracting(u -> u.path("consumer").asText() + " " + u.path("sku").asText()
                        + " " + u.path("amount").decimalValue().setScale(2))
                .containsExactly("USR-u3 A-WX-CALL-BASIC 3.87", "USR-u1 A-WX-CALL-PRO 12.00",
                        "USR-u2 A-WX-CALL-PRO 6.00", "USR-u3 A-WX-CALL-PRO 6.19");

        // WholesaleReconcilerTest's figures
        JsonNode partner = json.readTree(get("/api/webex/2026-10").body()).path("partners").get(0);
        assertThat(partner.path("bySku")).extracting(r -> r.path("key").asText() + " " + r.path("status").asText())
                .containsExactly("A-WX-CALL-BASIC WITHIN_TOLERANCE", "A-WX-CALL-PRO VARIANCE", "A-WX-CAW MATCHED",
                        "A-WX-PARTNER-FEE NOT_IN_USAGE");
        assertThat(partner.path("byCustomer")).extracting(r -> r.path("key").asText() + " "
                        + r.path("variance").decimalValue() + " " + r.path("status").asText())
                .containsExactly("org-c1 -0.01 WITHIN_TOLERANCE", "org-c2 -0.38 VARIANCE");

        assertThat(openCases()).containsExactly(
                "WEBEX_INVOICE_VARIANCE CUSTOMER org-c2",
                "WEBEX_INVOICE_VARIANCE SKU A-WX-CALL-PRO",
                "WEBEX_INVOICE_VARIANCE SKU A-WX-PARTNER-FEE",
                "WEBEX_REPORT_INCONSISTENT 2026-10",
                "WEBEX_ROW_REJECTED record 3");
        JsonNode inconsistent = json.readTree(get("/api/exceptions?type=WEBEX_REPORT_INCONSISTENT").body());
        assertThat(inconsistent.get(0).path("reason").asText())
                .startsWith("CUSTOMER vs USER for org-c1 / A-WX-CALL-PRO: 93.5 against 62.5");

        // the ERP: one ORIGINAL batch of 36.99, statements keyed by CUSTOMER_EXTERNAL_ID
        List<ErpLedger.Charge> posted = erpLedger.charges();
        assertThat(posted).hasSize(1);
        JsonNode payload = json.readTree(posted.get(0).payload());
        assertThat(payload.path("kind").asText()).isEqualTo("ORIGINAL");
        assertThat(payload.path("total").asText()).isEqualTo("36.99");
        assertThat(payload.path("statements")).extracting(s -> s.path("customerExternalId").asText() + " "
                + s.path("total").asText()).containsExactly("C1-EXT 28.06", "C2-EXT 8.93");

        // FOCUS: BilledCost per customer and SKU, summing to the statements
        String focus = get("/api/webex/2026-10/focus").body();
        assertThat(focus.lines()).hasSize(5);
        assertThat(focus.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))))
                .containsExactly("3.87", "24.19", "3.68", "5.25");

        // regenerating deletes the six completed reports at Webex first; the figures and the ERP do not change
        NotifyBuilder again = whenRouteDone("webex-period");
        HttpResponse<String> regenerate = post("/api/runs", "{\"pipeline\":\"webex-wholesale\",\"period\":"
                + "\"2026-10\",\"close\":true,\"regenerate\":true}");
        assertThat(regenerate.statusCode()).isEqualTo(202);
        assertThat(again.matches(120, TimeUnit.SECONDS)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from webex_report where status = 'DELETED'", Integer.class))
                .isEqualTo(6);
        assertThat(erpLedger.charges()).hasSize(1);
        assertThat(json.readTree(get("/api/webex/2026-10/statements").body()).get(0).path("total").decimalValue())
                .isEqualByComparingTo("28.06");
    }

    @Test
    void aFailedReportEndsTheRunWithWebexErrorsInTheQueueAndNothingBilled() throws Exception {
        webexSandbox.reports().failNextReports(1);

        String runId = runOctober("webex-wholesale", "webex-period", true);

        assertThat(json.readTree(get("/api/runs/" + runId).body()).path("status").asText()).isEqualTo("FAILED");
        JsonNode failed = json.readTree(get("/api/exceptions?type=WEBEX_REPORT_FAILED").body());
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).path("reason").asText()).contains("ended FAILED with errors").contains("2049");
        assertThat(get("/api/webex/2026-10/statements").statusCode()).isEqualTo(404);
        assertThat(erpLedger.charges()).isEmpty();
    }

    @Test
    void aMonthThatIsNotOverIsRefusedBeforeAnythingIsAskedOfWebex() throws Exception {
        HttpResponse<String> refused = post("/api/runs", "{\"pipeline\":\"webex-wholesale\",\"period\":\"2026-11\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("cannot include the current day or the future: billingEndDate 2026-11-30"
                + " must be before 2026-11-10");
        assertThat(webexSandbox.reports().size()).isZero();
    }

    private void ingestInvoice() {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty("hubSourceId", "acme-partner");
        exchange.getIn().setHeader(Exchange.FILE_NAME_ONLY, "partner-invoice-2026-10.csv");
        exchange.getIn().setBody(fixture("e2e/webex/partner-invoice-2026-10.csv"));
        Exchange done = producer.send("direct:webex-invoice-ingest", exchange);
        assertThat(done.getException()).isNull();
    }

    private List<String> openCases() throws Exception {
        List<String> cases = new ArrayList<>();
        for (JsonNode c : json.readTree(get("/api/exceptions?status=OPEN&pipeline=webex-wholesale").body())) {
            cases.add(c.path("type").asText() + " " + c.path("sourcePosition").asText());
        }
        cases.sort(null);
        return cases;
    }
}
