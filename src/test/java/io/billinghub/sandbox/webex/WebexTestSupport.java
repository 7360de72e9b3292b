package io.billinghub.sandbox.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * Shared pieces of the Webex sandbox tests: the small USER fixture (11 rows of October 2026: 9 of the partner
 * org-partner, 2 of the sub-partner org-sub-north), the clock's start and sandboxes built without Spring.
 */
final class WebexTestSupport {

    /** A Tuesday in November 2026: October is billable, today (2026-11-10) is not. */
    static final Instant T0 = Instant.parse("2026-11-10T09:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 10);
    static final String FIXTURE = "classpath:sandbox/webex/user-report-small.csv";
    static final String PARTNER = "org-partner";
    static final String SUB_PARTNER = "org-sub-north";
    static final String CLIENT_ID = "test-client";
    static final String CLIENT_SECRET = "test-secret";
    static final String REFRESH_TOKEN = "test-refresh-token";
    static final String TOKEN = "/sandbox/webex/v1/access_token";
    static final String REPORTS = "/sandbox/webex/v1/wholesale/billing/reports";

    private WebexTestSupport() {
    }

    /** Settings over the fixture, token ttl 300 s, links valid 30 min, Retry-After 1 s; the rest as given. */
    static WebexSandboxProperties properties(int processingPolls, int failEvery, int acceptedEvery,
                                             int rateLimitEvery, int lockedEvery, int unavailableDownloadsEvery) {
        return new WebexSandboxProperties(FIXTURE, PARTNER, "Acme Wholesale", REFRESH_TOKEN, CLIENT_ID, CLIENT_SECRET,
                300, processingPolls, failEvery, acceptedEvery, Duration.ofMinutes(30), rateLimitEvery, lockedEvery,
                1, unavailableDownloadsEvery);
    }

    /** The sandbox's web layer alone: the controller over plain objects, no Spring context. */
    static MockMvc mvc(WebexSandbox sandbox) {
        return MockMvcBuilders.standaloneSetup(new WebexSandboxController(sandbox, new ObjectMapper()))
                .build();
    }

    /** A store over the fixture. */
    static WebexReportStore store(int processingPolls, int failEvery, int acceptedEvery, Clock clock) {
        return new WebexReportStore(new WebexDatasetLoader(FIXTURE, PARTNER, "Acme Wholesale"), PARTNER,
                "creator", processingPolls, failEvery, acceptedEvery, clock);
    }

    static WebexUsageDataset fixture() {
        try (Reader in = new InputStreamReader(WebexTestSupport.class.getResourceAsStream(
                "/sandbox/webex/user-report-small.csv"), StandardCharsets.UTF_8)) {
            return WebexUsageDataset.read(in, "user-report-small.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WebexReportRequest request(String start, String end, WebexReportType type, String subPartnerOrgId) {
        return new WebexReportRequest(LocalDate.parse(start), LocalDate.parse(end), type, subPartnerOrgId);
    }

    static String createBody(String start, String end, String type) {
        return """
                {"billingStartDate": "%s", "billingEndDate": "%s", "type": "%s"}""".formatted(start, end, type);
    }

    static String tokenForm(String clientId, String secret, String refreshToken) {
        return "grant_type=refresh_token&client_id=" + clientId + "&client_secret=" + secret + "&refresh_token="
                + refreshToken;
    }

    /** A bearer header with a fresh token for the tests' integration. */
    static String bearer(MockMvc mvc) throws Exception {
        String body = mvc.perform(post(TOKEN).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(tokenForm(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return "Bearer " + JsonPath.read(body, "$.access_token");
    }

    /** A list query of name, value pairs, the others absent. */
    static WebexListQuery query(String... parameters) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            given.put(parameters[i], parameters[i + 1]);
        }
        return WebexListQuery.parse(given.get("billingStartDate"), given.get("billingEndDate"), given.get("type"),
                given.get("status"), given.get("subPartnerOrgId"), given.get("sortBy"), given.get("max"),
                given.get("cursor"));
    }

    /** Asserts that the call throws a WebexApiException of the status whose message contains the text. */
    static void assertApiError(Runnable call, int status, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(WebexApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
