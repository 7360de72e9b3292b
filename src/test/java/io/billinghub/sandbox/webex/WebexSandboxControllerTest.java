package io.billinghub.sandbox.webex;

import static io.billinghub.sandbox.webex.WebexTestSupport.CLIENT_ID;
import static io.billinghub.sandbox.webex.WebexTestSupport.CLIENT_SECRET;
import static io.billinghub.sandbox.webex.WebexTestSupport.REFRESH_TOKEN;
import static io.billinghub.sandbox.webex.WebexTestSupport.REPORTS;
import static io.billinghub.sandbox.webex.WebexTestSupport.T0;
import static io.billinghub.sandbox.webex.WebexTestSupport.TOKEN;
import static io.billinghub.sandbox.webex.WebexTestSupport.bearer;
import static io.billinghub.sandbox.webex.WebexTestSupport.createBody;
import static io.billinghub.sandbox.webex.WebexTestSupport.mvc;
import static io.billinghub.sandbox.webex.WebexTestSupport.properties;
import static io.billinghub.sandbox.webex.WebexTestSupport.tokenForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.billinghub.platform.SettableClock;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/** The web layer over plain objects (MockMvc standalone, no Spring context), on a hand-moved clock. */
class WebexSandboxControllerTest {

    private static final String OCTOBER = createBody("2026-10-01", "2026-10-31", "PARTNER");

    private final SettableClock clock = new SettableClock(T0);
    /** No processing polls, no failures, no 202s, no faults. */
    private final MockMvc mvc = mvc(WebexSandbox.create(properties(0, 0, 0, 0, 0, 0), clock));

    /** A token, and the October PARTNER report created, COMPLETED and its first tempDownloadURL. */
    private record October(String authorization, String reportId, String firstLink) {
        static October completed(MockMvc mvc) throws Exception {
            String bearer = bearer(mvc);
            String id = create(mvc, bearer, OCTOBER);
            return new October(bearer, id, link(mvc, id, bearer));
        }
    }

    @Test
    void theTokenEndpointTakesARefreshTokenGrant() throws Exception {
        mvc.perform(post(TOKEN).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(tokenForm(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.access_token").value(matchesPattern("[A-Za-z0-9_-]{43}")))
                .andExpect(jsonPath("$.expires_in").value(300))
                .andExpect(jsonPath("$.refresh_token").value(REFRESH_TOKEN))
                .andExpect(jsonPath("$.refresh_token_expires_in").value(7_776_000))
                .andExpect(jsonPath("$.token_type").value("Bearer"));
        mvc.perform(post(TOKEN).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(tokenForm(CLIENT_ID, "wrong", REFRESH_TOKEN)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value("Unknown client_id or wrong client_secret"))
                .andExpect(jsonPath("$.errors[0].description").value("Unknown client_id or wrong client_secret"))
                .andExpect(jsonPath("$.trackingId").value(matchesPattern("WEBEX_SANDBOX_[0-9a-f-]{36}")));
        mvc.perform(post(TOKEN).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(tokenForm(CLIENT_ID, CLIENT_SECRET, "stale")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void reportsNeedALiveBearerToken() throws Exception {
        mvc.perform(get(REPORTS)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.errors[0].description").exists());
        mvc.perform(get(REPORTS).header("Authorization", "Basic dXNlcjpwYXNz")).andExpect(status().isUnauthorized());
        String bearer = bearer(mvc);
        mvc.perform(get(REPORTS).header("Authorization", bearer)).andExpect(status().isOk());
        // token-ttl-seconds 300
        clock.advance(Duration.ofSeconds(300));
        mvc.perform(get(REPORTS).header("Authorization", bearer)).andExpect(status().isUnauthorized());
    }

    @Test
    void createPollAndDownloadThePartnerCsv() throws Exception {
        MockMvc polled = mvc(WebexSandbox.create(properties(2, 0, 0, 0, 0, 0), clock));
        String bearer = bearer(polled);
        String id = id(polled.perform(post(REPORTS).header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON).content(OCTOBER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.billingStartDate").value("2026-10-01"))
                .andExpect(jsonPath("$.type").value("PARTNER"))
                .andExpect(jsonPath("$.category").value("RECONCILIATION")));
        for (int poll = 1; poll <= 2; poll++) {
            polled.perform(get(REPORTS + "/" + id).header("Authorization", bearer))
                    .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                    .andExpect(jsonPath("$.tempDownloadURL").doesNotExist())
                    .andExpect(jsonPath("$.errors").doesNotExist());
        }
        String link = link(polled, id, bearer);
        assertThat(link).matches("http://localhost/sandbox/webex/downloads/[0-9a-f-]{36}\\.csv\\?Expires=1794303000"
                + "&Signature=[A-Za-z0-9_-]{43}&Key-Pair-Id=sandbox");

        MockHttpServletResponse csv = download(polled, link);
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.getHeader("Content-Disposition")).startsWith("attachment; filename=").endsWith(".csv\"");
        // October of the partner, PARTNER level (figures in WebexAggregationTest)
        assertThat(csv.getContentAsString()).isEqualTo("""
                PARTNER_NAME,PARTNER_ORG_ID,SUBSCRIPTION_ID,SERVICE_NAME,SKU,DESCRIPTION,CONSUMPTION_START_DATE,\
                CONSUMPTION_END_DATE,QUANTITY\r
                Acme Wholesale,org-partner,sub-100,Webex Calling,A-WX-CALL-PRO,"Calling, Professional",2026-10-01,\
                2026-10-31,65\r
                Acme Wholesale,org-partner,sub-100,Webex Calling,A-WX-CALL-WS,Calling Workspace,2026-10-01,\
                2026-10-31,31\r
                Acme Wholesale,org-partner,sub-200,Webex Calling,A-WX-CALL-PRO,"Calling, Professional",2026-10-05,\
                2026-10-31,26.25\r
                Acme Wholesale,org-partner,sub-200,Webex Meetings,A-WX-MTG-ENT,Meetings Enterprise,2026-10-01,\
                2026-10-31,42.5\r
                """);
    }

    @Test
    void eachGetSignsAFreshLinkValidForThirtyMinutes() throws Exception {
        October october = October.completed(mvc);
        String first = october.firstLink();
        clock.advance(Duration.ofMinutes(20));
        // access tokens live 5 minutes: a new one
        String second = link(mvc, october.reportId(), bearer(mvc));
        assertThat(second).isNotEqualTo(first);
        // T0 + 30 min: the first link has expired, the second (signed at T0 + 20 min) is valid until T0 + 50 min
        clock.advance(Duration.ofMinutes(10));
        MockHttpServletResponse expired = download(mvc, first);
        assertThat(expired.getStatus()).isEqualTo(403);
        assertThat(expired.getContentType()).startsWith("text/xml");
        assertThat(expired.getContentAsString()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error>"
                + "<Code>AccessDenied</Code><Message>Request has expired</Message></Error>");
        assertThat(download(mvc, second).getStatus()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(20));
        assertThat(download(mvc, second).getStatus()).isEqualTo(403);
        assertThat(download(mvc, link(mvc, october.reportId(), bearer(mvc))).getStatus()).isEqualTo(200);
    }

    @Test
    void aForgedLinkIsDeniedAndADeletedReportIsGone() throws Exception {
        October october = October.completed(mvc);
        String link = october.firstLink();
        MockHttpServletResponse forged = download(mvc, link.replace("Expires=1794303000", "Expires=1894303000"));
        assertThat(forged.getStatus()).isEqualTo(403);
        assertThat(forged.getContentAsString()).contains("<Code>AccessDenied</Code><Message>Access denied</Message>");
        assertThat(download(mvc, link.substring(0, link.indexOf('?'))).getStatus()).isEqualTo(403);
        mvc.perform(delete(REPORTS + "/" + october.reportId()).header("Authorization", october.authorization()))
                .andExpect(status().isNoContent());
        MockHttpServletResponse gone = download(mvc, link);
        assertThat(gone.getStatus()).isEqualTo(404);
        assertThat(gone.getContentAsString()).contains("<Code>NoSuchKey</Code>");
    }

    @Test
    void everyNthDownloadIsUnavailable() throws Exception {
        MockMvc unavailable = mvc(WebexSandbox.create(properties(0, 0, 0, 0, 0, 2), clock));
        String link = October.completed(unavailable).firstLink();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(download(unavailable, link).getStatus());
        }
        assertThat(statuses).containsExactly(200, 503, 200, 503);
    }

    @Test
    void everyNthApiRequestAnswers429Or423WithRetryAfter() throws Exception {
        // 429 every 3rd API request, 423 every 4th; the token endpoint and downloads are not counted
        MockMvc faulty = mvc(WebexSandbox.create(properties(0, 0, 0, 3, 4, 0), clock));
        // requests 1 and 2: create and GET
        October october = October.completed(faulty);
        String bearer = october.authorization();
        String id = october.reportId();
        // a download and a token request: not counted
        assertThat(download(faulty, october.firstLink()).getStatus()).isEqualTo(200);
        bearer(faulty);
        // request 3: 429
        faulty.perform(get(REPORTS).header("Authorization", bearer))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.message").value("Too many requests; retry after 1 s"))
                .andExpect(jsonPath("$.trackingId").exists());
        // request 4: 423, before the (missing) token is checked
        faulty.perform(get(REPORTS + "/" + id))
                .andExpect(status().isLocked())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.errors[0].description").value(matchesPattern("The resource is temporarily .*")));
        // request 5: answered
        faulty.perform(get(REPORTS + "/" + id).header("Authorization", bearer)).andExpect(status().isOk())
                .andExpect(header().doesNotExist("Retry-After"));
    }

    @Test
    void everyNthCreateIsAcceptedAndFailedReportsCarryTheirErrors() throws Exception {
        MockMvc failing = mvc(WebexSandbox.create(properties(0, 2, 2, 0, 0, 0), clock));
        String bearer = bearer(failing);
        create(failing, bearer, OCTOBER);
        String second = id(failing.perform(post(REPORTS).header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(createBody("2026-09-01", "2026-09-30", "USER")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.type").value("USER")));
        failing.perform(get(REPORTS + "/" + second).header("Authorization", bearer))
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.errors[0].code").value(2049))
                .andExpect(jsonPath("$.errors[0].description").value(WebexReportStore.FAILURE_DESCRIPTION))
                .andExpect(jsonPath("$.tempDownloadURL").doesNotExist())
                .andExpect(jsonPath("$.created").value("2026-11-10T09:00:00.000Z"));
    }

    @Test
    void theListPagesThroughLinkHeaders() throws Exception {
        String bearer = bearer(mvc);
        for (int month = 6; month <= 10; month++) {
            create(mvc, bearer, createBody("2026-%02d-01".formatted(month), "2026-%02d-28".formatted(month),
                    "CUSTOMER"));
        }
        create(mvc, bearer, OCTOBER);
        // 5 CUSTOMER reports at max=2: pages of 2, 2 and 1, each Link keeping type and max; the last has none
        List<String> starts = new ArrayList<>();
        String url = "/sandbox/webex/v1/wholesale/billing/reports?type=CUSTOMER&max=2";
        List<String> links = new ArrayList<>();
        while (url != null) {
            MockHttpServletResponse page = mvc.perform(get(URI.create(url)).header("Authorization", bearer))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].tempDownloadURL").doesNotExist())
                    .andReturn().getResponse();
            starts.addAll(JsonPath.read(page.getContentAsString(), "$.items[*].billingStartDate"));
            String link = page.getHeader("Link");
            links.add(link);
            url = link == null ? null : link.substring(1, link.indexOf(">; rel=\"next\""));
        }
        assertThat(starts).containsExactly("2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01");
        assertThat(links).hasSize(3).last().isNull();
        assertThat(links.get(0)).matches("<http://localhost/sandbox/webex/v1/wholesale/billing/reports\\?type=CUSTOMER"
                + "&max=2&cursor=[A-Za-z0-9_-]+>; rel=\"next\"");
    }

    @Test
    void apiErrorsHaveTheWebexErrorBody() throws Exception {
        String bearer = bearer(mvc);
        expectError(mvc.perform(post(REPORTS).header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                .content(createBody("2026-11-01", "2026-11-10", "PARTNER"))), 400,
                "billingEndDate 2026-11-10 is not before the current day 2026-11-10: only past days can be billed");
        expectError(mvc.perform(get(REPORTS + "/nope").header("Authorization", bearer)), 404,
                "Billing Report not found: nope");
        create(mvc, bearer, OCTOBER);
        expectError(mvc.perform(post(REPORTS).header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                .content(OCTOBER)), 409, "delete it before creating it again");
        expectError(mvc.perform(get(REPORTS + "?max=500").header("Authorization", bearer)), 400,
                "max must be a whole number from 1 to 100, was '500'");
        expectError(mvc.perform(post(REPORTS).header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"billingStartDate\": \"2026-10-01\", \"billingEndDate\": \"2026-10-31\", "
                        + "\"subPartnerOrgId\": \"org-unknown\"}")), 403, "is not a sub-partner");
    }

    private static void expectError(ResultActions answer, int status, String message) throws Exception {
        answer.andExpect(status().is(status))
                .andExpect(jsonPath("$.message").value(containsString(message)))
                .andExpect(jsonPath("$.errors[0].description").value(containsString(message)))
                .andExpect(jsonPath("$.trackingId").isString());
    }

    private static String create(MockMvc mvc, String bearer, String body) throws Exception {
        return id(mvc.perform(post(REPORTS).header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                .content(body)));
    }

    private static String id(ResultActions answer) throws Exception {
        return JsonPath.read(answer.andReturn().getResponse().getContentAsString(), "$.id");
    }

    /** GETs the report, which must be COMPLETED, and answers its tempDownloadURL. */
    private static String link(MockMvc mvc, String id, String bearer) throws Exception {
        return JsonPath.read(mvc.perform(get(REPORTS + "/" + id).header("Authorization", bearer))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andReturn().getResponse().getContentAsString(), "$.tempDownloadURL");
    }

    /** A download: the body is streamed, so the answer is complete after the async dispatch. */
    private static MockHttpServletResponse download(MockMvc mvc, String link) throws Exception {
        MvcResult started = mvc.perform(get(URI.create(link))).andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(started)).andReturn().getResponse();
    }
}
