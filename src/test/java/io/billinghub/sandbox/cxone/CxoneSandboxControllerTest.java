package io.billinghub.sandbox.cxone;

import static io.billinghub.sandbox.cxone.CxoneTestSupport.INVOICES;
import static io.billinghub.sandbox.cxone.CxoneTestSupport.OCTOBER;
import static io.billinghub.sandbox.cxone.CxoneTestSupport.REPORTS;
import static io.billinghub.sandbox.cxone.CxoneTestSupport.T0;
import static io.billinghub.sandbox.cxone.CxoneTestSupport.TOKEN;
import static io.billinghub.sandbox.cxone.CxoneTestSupport.bearer;
import static io.billinghub.sandbox.cxone.CxoneTestSupport.reportRequest;
import static io.billinghub.sandbox.cxone.CxoneTestSupport.tokenRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The CXone API over HTTP, without injected faults, on the default generated month (2026-10, 300 users): 30 998
 * lines of which 30 870 fall in the October window of America/New_York, 12 of them prorated.
 */
@WebMvcTest(controllers = CxoneSandboxController.class, properties = {
        "hub.embedded.sandbox.enabled=true",
        "hub.embedded.sandbox.cxone.client-id=test-client",
        "hub.embedded.sandbox.cxone.client-secret=test-secret",
        "hub.embedded.sandbox.cxone.token-ttl-seconds=120",
        "hub.embedded.sandbox.cxone.processing-polls=2",
        "hub.embedded.sandbox.cxone.rate-limit-every=0",
        "hub.embedded.sandbox.cxone.unavailable-every=0"})
// the slice has none of the hub's security: the sandbox checks its own bearer tokens
@AutoConfigureMockMvc(addFilters = false)
class CxoneSandboxControllerTest extends CxoneSandboxMvcTest {

    @Test
    void issuesATokenForClientCredentialsInAJsonBody() throws Exception {
        mvc.perform(post(TOKEN).contentType(MediaType.APPLICATION_JSON)
                        .content(tokenRequest("test-client", "test-secret", "client_credentials")))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
                .andExpect(jsonPath("$.access_token").value(matchesPattern("[A-Za-z0-9_-]{43}")))
                .andExpect(jsonPath("$.token_type").value("bearer"))
                .andExpect(jsonPath("$.expires_in").value(120))
                .andExpect(jsonPath("$.scope").value("read:usage read:billing read:reports"));
        // A form body works too.
        mvc.perform(post(TOKEN).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("grant_type=client_credentials&client_id=test-client&client_secret=test-secret"
                                + "&scope=read%3Ausage"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("read:usage"));
    }

    @Test
    void refusesWrongClientsGrantTypesScopesAndBodies() throws Exception {
        mvc.perform(post(TOKEN).contentType(MediaType.APPLICATION_JSON)
                        .content(tokenRequest("test-client", "wrong", "client_credentials")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("invalid_client"));
        // The Genesys sandbox's client is not a CXone client.
        mvc.perform(post(TOKEN).contentType(MediaType.APPLICATION_JSON)
                        .content(tokenRequest("sandbox-client", "sandbox-secret", "client_credentials")))
                .andExpect(status().isUnauthorized());
        mvc.perform(post(TOKEN).contentType(MediaType.APPLICATION_JSON)
                        .content(tokenRequest("test-client", "test-secret", "password")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("unsupported_grant_type"));
        mvc.perform(post(TOKEN).contentType(MediaType.APPLICATION_JSON).content("""
                        {"grant_type": "client_credentials", "scope": "admin", "client_id": "test-client",
                         "client_secret": "test-secret"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_scope"));
        mvc.perform(post(TOKEN).contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_request"));
        mvc.perform(post(TOKEN)).andExpect(status().isBadRequest());
    }

    @Test
    void theApiNeedsAnUnexpiredTokenWithTheRightScope() throws Exception {
        mvc.perform(get(INVOICES).param("billingPeriod", "2026-10"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.error").value("invalid_token"));
        String bearer = bearer(mvc);
        // Issued at T0 with a 120 s ttl: valid at T0 + 119 s, expired at T0 + 120 s; a new token works again.
        clock.advance(Duration.ofSeconds(119));
        mvc.perform(get(INVOICES).param("billingPeriod", "2026-10").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk());
        clock.advance(Duration.ofSeconds(1));
        mvc.perform(get(INVOICES).param("billingPeriod", "2026-10").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isUnauthorized());
        mvc.perform(get(INVOICES).param("billingPeriod", "2026-10").header(HttpHeaders.AUTHORIZATION, bearer(mvc)))
                .andExpect(status().isOk());
        // A token for read:usage only cannot read invoices.
        String usageOnly = "Bearer " + JsonPath.read(mvc.perform(post(TOKEN).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"grant_type": "client_credentials", "scope": "read:usage",
                                 "client_id": "test-client", "client_secret": "test-secret"}"""))
                .andReturn().getResponse().getContentAsString(), "$.access_token");
        mvc.perform(get(INVOICES).param("billingPeriod", "2026-10").header(HttpHeaders.AUTHORIZATION, usageOnly))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("insufficient_scope"));
        mvc.perform(post(REPORTS).contentType(MediaType.APPLICATION_JSON).content(OCTOBER)
                        .header(HttpHeaders.AUTHORIZATION, usageOnly))
                .andExpect(status().isAccepted());
    }

    @Test
    void aReportIsProcessingForTwoPollsThenCompleteThenExpires() throws Exception {
        String bearer = bearer(mvc);
        String submitted = mvc.perform(post(REPORTS).contentType(MediaType.APPLICATION_JSON).content(OCTOBER)
                        .header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.reportId").value(matchesPattern("usr_rpt_[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.status").value("PROCESSING"))
                .andExpect(jsonPath("$.submittedAt").value("2026-11-06T15:00:00Z"))
                .andExpect(jsonPath("$.completedAt").doesNotExist())
                .andExpect(jsonPath("$.totalRecords").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(submitted, "$.reportId");
        String report = REPORTS + "/" + id;

        mvc.perform(get(report + "/data").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("report_not_ready"));
        clock.advance(Duration.ofSeconds(15));
        mvc.perform(get(report).header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PROCESSING"));
        clock.advance(Duration.ofSeconds(15));
        mvc.perform(get(report).header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(jsonPath("$.status").value("PROCESSING"));
        clock.advance(Duration.ofSeconds(15));
        // Third poll at 15:00:45Z: COMPLETE with the 30 870 lines of the October window.
        mvc.perform(get(report).header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(content().json("""
                        {"reportId": "%s", "status": "COMPLETE", "submittedAt": "2026-11-06T15:00:00Z",
                         "completedAt": "2026-11-06T15:00:45Z", "expiresAt": "2026-11-07T15:00:45Z",
                         "totalRecords": 30870}""".formatted(id), true));
        mvc.perform(get(report + "/data").param("pageSize", "2").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.generatedAt").value("2026-11-06T15:00:45Z"))
                .andExpect(jsonPath("$.data", hasSize(2)));

        // 24 h after completion: EXPIRED, and its data is gone (410). The token is renewed on the way.
        clock.set(T0.plusSeconds(45).plus(Duration.ofHours(24)));
        String fresh = bearer(mvc);
        mvc.perform(get(report).header(HttpHeaders.AUTHORIZATION, fresh))
                .andExpect(jsonPath("$.status").value("EXPIRED"));
        mvc.perform(get(report + "/data").header(HttpHeaders.AUTHORIZATION, fresh))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.status").value(410))
                .andExpect(jsonPath("$.error").value("report_expired"));
        mvc.perform(get(REPORTS + "/usr_rpt_nope").header(HttpHeaders.AUTHORIZATION, fresh))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("report_not_found"));
        mvc.perform(get(REPORTS + "/usr_rpt_nope/data").header(HttpHeaders.AUTHORIZATION, fresh))
                .andExpect(status().isNotFound());
    }

    @Test
    void theOctoberWindowPagesThroughEveryLineUntilTheTokenIsNull() throws Exception {
        String bearer = bearer(mvc);
        String id = completedReport(bearer, OCTOBER);
        List<String> ids = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String token = null;
        do {
            var request = get(REPORTS + "/" + id + "/data").param("pageSize", "1000")
                    .header(HttpHeaders.AUTHORIZATION, bearer);
            if (token != null) {
                request.param("nextPageToken", token);
            }
            String page = mvc.perform(request).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("COMPLETE"))
                    .andExpect(jsonPath("$.totalRecords").value(30870))
                    .andReturn().getResponse().getContentAsString();
            List<String> pageIds = JsonPath.read(page, "$.data[*].lineId");
            ids.addAll(pageIds);
            sizes.add(pageIds.size());
            token = JsonPath.read(page, "$.nextPageToken");
        } while (token != null);
        // 30 870 lines: 30 pages of 1000 and one of 870.
        assertThat(sizes).hasSize(31).endsWith(870);
        assertThat(sizes.subList(0, 30)).containsOnly(1000);
        assertThat(ids).hasSize(30870).doesNotHaveDuplicates();
        CxoneMonth.Features features = CxoneMonthGenerator.generateDefault().features();
        // Inclusive at both ends: the call at exactly endDate is in, as are the licences at exactly startDate;
        // the calls a second before startDate and a second after endDate are not.
        assertThat(ids).contains(features.atWindowEndLineId(), features.lateLastDayLineId())
                .doesNotContain(features.beforeWindowLineId(), features.afterWindowLineId());
        assertThat(ids.get(ids.size() - 1)).isEqualTo(features.atWindowEndLineId());
    }

    @Test
    void aWindowIncludesLinesAtExactlyItsStartAndEnd() throws Exception {
        String bearer = bearer(mvc);
        // 02:30:00Z (22:30 on 31 Oct in New York) to 03:59:59Z: the probe at 02:30:00, a call at 03:04:48 and
        // the probe at 03:59:59; the probe at 04:00:00 (1 Nov in New York) is a second too late.
        String id = completedReport(bearer, reportRequest("2026-11-01T02:30:00Z", "2026-11-01T03:59:59Z", true));
        mvc.perform(get(REPORTS + "/" + id + "/data").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(jsonPath("$.data[*].lineId").value(
                        contains("ln_68d52a6f72b8", "ln_825daf936d4b", "ln_cdc5c5a50dbc")))
                .andExpect(jsonPath("$.data[*].usageDate").value(
                        contains("2026-11-01T02:30:00Z", "2026-11-01T03:04:48Z", "2026-11-01T03:59:59Z")))
                .andExpect(jsonPath("$.nextPageToken").value(nullValue()))
                .andExpect(jsonPath("$.totalRecords").value(3));
        // One second later at both ends: the 02:30:00 probe drops out, the 04:00:00 one comes in.
        String later = completedReport(bearer, reportRequest("2026-11-01T02:30:01Z", "2026-11-01T04:00:00Z", true));
        mvc.perform(get(REPORTS + "/" + later + "/data").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(jsonPath("$.data[*].lineId").value(
                        contains("ln_825daf936d4b", "ln_cdc5c5a50dbc", "ln_eb0979866d99")));
    }

    @Test
    void withoutProratedChargesTheTwelveProratedLicencesAreSilentlyMissing() throws Exception {
        String bearer = bearer(mvc);
        // 30 870 - 12 = 30 858.
        String id = completedReport(bearer, reportRequest("2026-10-01T04:00:00Z", "2026-11-01T03:59:59Z", false));
        mvc.perform(get(REPORTS + "/" + id).header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(jsonPath("$.totalRecords").value(30858));
        // Omitting the flag is the same as false.
        String omitted = completedReport(bearer, """
                {"reportType": "COST", "startDate": "2026-10-01T04:00:00Z", "endDate": "2026-11-01T03:59:59Z"}""");
        mvc.perform(get(REPORTS + "/" + omitted).header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(jsonPath("$.totalRecords").value(30858));
        // usr_00124 starts on 10 Oct: the window of that local midnight holds only the prorated licence.
        String withIt = completedReport(bearer, reportRequest("2026-10-10T04:00:00Z", "2026-10-10T04:00:01Z", true));
        String without = completedReport(bearer,
                reportRequest("2026-10-10T04:00:00Z", "2026-10-10T04:00:01Z", false));
        mvc.perform(get(REPORTS + "/" + withIt + "/data").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(content().json("""
                        {"status": "COMPLETE", "totalRecords": 1, "nextPageToken": null, "data": [
                          {"lineId": "ln_a2dd63cf62a0", "usageDate": "2026-10-10T04:00:00Z", "userId": "usr_00124",
                           "userName": "agent.nelson3", "phoneNumber": "+16045554721",
                           "featureType": "LICENSE_AGENT", "direction": null, "durationSeconds": 0,
                           "costAmount": 85.5000, "currencyCode": "CAD", "taxAmount": 11.1150, "taxRate": 0.13,
                           "costCenterId": "cc_ca_support", "proratedFlag": true, "creditMemoId": null,
                           "licenseType": "AGENT", "serviceStart": "2026-10-10", "serviceEnd": "2026-10-31"}]}
                        """));
        mvc.perform(get(REPORTS + "/" + without + "/data").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(jsonPath("$.data", hasSize(0)))
                .andExpect(jsonPath("$.totalRecords").value(0))
                .andExpect(jsonPath("$.nextPageToken").value(nullValue()));
    }

    @Test
    void amountsAreWrittenWithFixedDecimalsAndTaxesCanBeLeftOut() throws Exception {
        String bearer = bearer(mvc);
        String body = """
                {"reportType": "FEATURE", "startDate": "2026-10-10T04:00:00Z", "endDate": "2026-10-10T04:00:01Z",
                 "includeTaxes": false, "includeProratedCharges": true}""";
        String id = completedReport(bearer, body);
        String page = mvc.perform(get(REPORTS + "/" + id + "/data").header(HttpHeaders.AUTHORIZATION, bearer))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("\"costAmount\":85.5000,", "\"taxAmount\":0.0000,", "\"taxRate\":0.13,");
    }

    @Test
    void refusesBadRequestsWithAJsonError() throws Exception {
        String bearer = bearer(mvc);
        mvc.perform(post(REPORTS).contentType(MediaType.APPLICATION_JSON)
                        .content(reportRequest("2026-11-01T00:00:00Z", "2026-10-01T00:00:00Z", true))
                        .header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.error").value("invalid_request"))
                .andExpect(jsonPath("$.message").value("startDate must be before endDate"));
        mvc.perform(post(REPORTS).contentType(MediaType.APPLICATION_JSON).content("{\"reportType\": ")
                        .header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_request"));
        mvc.perform(post(REPORTS).header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isBadRequest());
        String id = completedReport(bearer, OCTOBER);
        mvc.perform(get(REPORTS + "/" + id + "/data").param("pageSize", "1001")
                        .header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_request"));
        mvc.perform(get(REPORTS + "/" + id + "/data").param("pageSize", "0").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isBadRequest());
        mvc.perform(get(REPORTS + "/" + id + "/data").param("nextPageToken", "bogus")
                        .header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_page_token"));
    }

    @Test
    void servesTheMonthsInvoice() throws Exception {
        String bearer = bearer(mvc);
        mvc.perform(get(INVOICES).param("billingPeriod", "2026-10").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.invoiceId").value("INV-CX-2026-10"))
                .andExpect(jsonPath("$.billingPeriod").value("2026-10"))
                .andExpect(jsonPath("$.status").value("FINAL"))
                .andExpect(jsonPath("$.reportingTimeZone").value("America/New_York"))
                .andExpect(jsonPath("$.currencyCode").value("USD"))
                .andExpect(jsonPath("$.issuedAt").value("2026-11-06T14:00:00Z"))
                .andExpect(jsonPath("$.billingWindowStart").value("2026-10-01T04:00:00Z"))
                .andExpect(jsonPath("$.billingWindowEnd").value("2026-11-01T03:59:59Z"))
                .andExpect(jsonPath("$.lines", hasSize(35)))
                .andExpect(jsonPath("$.lines[0].lineNumber").value(1))
                .andExpect(jsonPath("$.lines[0].featureType").value("VOICE_CALL"))
                .andExpect(jsonPath("$.lines[0].costCenterId").value("cc_ca_support"))
                .andExpect(jsonPath("$.lines[0].amount").value("1150.35"))
                .andExpect(jsonPath("$.lines[0].taxAmount").value("149.55"))
                .andExpect(jsonPath("$.lines[4].costCenterId").value("cc_sales"))
                .andExpect(jsonPath("$.lines[4].amount").value("2584.37"))
                .andExpect(jsonPath("$.lines[11].featureType").value("IVR_MINUTES"))
                .andExpect(jsonPath("$.lines[11].amount").value("0.00"))
                .andExpect(jsonPath("$.totalAmount").value("44137.04"))
                .andExpect(jsonPath("$.totalTax").value("3715.56"));
        mvc.perform(get(INVOICES).param("billingPeriod", "2026-09").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("invoice_not_found"));
        mvc.perform(get(INVOICES).param("billingPeriod", "October").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isBadRequest());
        mvc.perform(get(INVOICES).header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isBadRequest());
    }

    @Test
    void servesTheInvoiceCsvDownload() throws Exception {
        String csv = mvc.perform(get("/sandbox/cxone/invoices/2026-10.csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"cxone-INV-CX-2026-10.csv\""))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith(CxoneInvoiceCsv.HEADER + "\n"
                + "LINE,INV-CX-2026-10,2026-10,VOICE_CALL,cc_ca_support,1150.35,149.55,USD\n")
                .endsWith("TOTAL,INV-CX-2026-10,2026-10,,,44137.04,3715.56,USD\n");
        mvc.perform(get("/sandbox/cxone/invoices/2026-09.csv")).andExpect(status().isNotFound());
    }

    /** Submits a report and polls it to COMPLETE (2 PROCESSING polls, then COMPLETE); returns its id. */
    private String completedReport(String bearer, String body) throws Exception {
        String id = JsonPath.read(mvc.perform(post(REPORTS).contentType(MediaType.APPLICATION_JSON).content(body)
                        .header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString(), "$.reportId");
        for (String expected : new String[] {"PROCESSING", "PROCESSING", "COMPLETE"}) {
            mvc.perform(get(REPORTS + "/" + id).header(HttpHeaders.AUTHORIZATION, bearer))
                    .andExpect(jsonPath("$.status").value(expected));
        }
        return id;
    }
}
