package io.billinghub.sandbox;

import static io.billinghub.sandbox.SandboxTestSupport.DAY;
import static io.billinghub.sandbox.SandboxTestSupport.T0;
import static io.billinghub.sandbox.SandboxTestSupport.basic;
import static io.billinghub.sandbox.SandboxTestSupport.bearer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.billinghub.platform.SettableClock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The usage API without injected faults: tokens, validation, paging, filters, record shape. */
@WebMvcTest(controllers = GenesysSandboxController.class, properties = {
        "hub.embedded.sandbox.enabled=true",
        "hub.embedded.sandbox.dataset=classpath:sandbox/usage-small.json",
        "hub.embedded.sandbox.client-id=test-client",
        "hub.embedded.sandbox.client-secret=test-secret",
        "hub.embedded.sandbox.token-ttl-seconds=300",
        "hub.embedded.sandbox.rate-limit-every=0",
        "hub.embedded.sandbox.unavailable-every=0",
        "hub.embedded.sandbox.duplicate-page=0"})
@Import(SandboxTestSupport.ClockConfig.class)
// the slice has none of the hub's security: the sandbox checks its own bearer tokens
@AutoConfigureMockMvc(addFilters = false)
class GenesysSandboxControllerTest {

    private static final String USAGE = "/sandbox/genesys/api/v2/telephony/usage";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private SettableClock clock;
    @Autowired
    private SandboxTokens tokens;
    @Autowired
    private SandboxFaults faults;

    @BeforeEach
    void reset() {
        clock.set(T0);
        tokens.reset();
        faults.reset();
    }

    @Test
    void issuesABearerTokenForTheClientCredentials() throws Exception {
        mvc.perform(post("/sandbox/genesys/oauth/token")
                        .header(HttpHeaders.AUTHORIZATION, basic("test-client", "test-secret"))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("grant_type=client_credentials"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
                .andExpect(jsonPath("$.access_token").value(matchesPattern("[A-Za-z0-9_-]{43}")))
                .andExpect(jsonPath("$.token_type").value("bearer"))
                .andExpect(jsonPath("$.expires_in").value(300));
    }

    @Test
    void refusesWrongOrMissingClientCredentials() throws Exception {
        mvc.perform(post("/sandbox/genesys/oauth/token")
                        .header(HttpHeaders.AUTHORIZATION, basic("test-client", "wrong"))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("grant_type=client_credentials"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("invalid_client"));
        mvc.perform(post("/sandbox/genesys/oauth/token")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("grant_type=client_credentials"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/sandbox/genesys/oauth/token")
                        .header(HttpHeaders.AUTHORIZATION, "Basic !!not-base64!!")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("grant_type=client_credentials"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void refusesOtherGrantTypes() throws Exception {
        mvc.perform(post("/sandbox/genesys/oauth/token")
                        .header(HttpHeaders.AUTHORIZATION, basic("test-client", "test-secret"))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("grant_type=password"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("unsupported_grant_type"));
    }

    @Test
    void usageNeedsAValidUnexpiredToken() throws Exception {
        mvc.perform(get(USAGE).param("timeRange", DAY))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.code").value("bad.credentials"));
        mvc.perform(get(USAGE).param("timeRange", DAY).header(HttpHeaders.AUTHORIZATION, "Bearer made-up"))
                .andExpect(status().isUnauthorized());

        String bearer = bearer(mvc);
        mvc.perform(get(USAGE).param("timeRange", DAY).header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk());
        // Issued at T0 with a 300 s ttl: still valid at T0 + 299 s, expired at T0 + 300 s.
        clock.advance(Duration.ofSeconds(299));
        mvc.perform(get(USAGE).param("timeRange", DAY).header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk());
        clock.advance(Duration.ofSeconds(1));
        mvc.perform(get(USAGE).param("timeRange", DAY).header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
        // A client that refreshes on 401 gets going again.
        mvc.perform(get(USAGE).param("timeRange", DAY).header(HttpHeaders.AUTHORIZATION, bearer(mvc)))
                .andExpect(status().isOk());
    }

    @Test
    void rejectsOversizedPagesAndMalformedTimeRanges() throws Exception {
        String bearer = bearer(mvc);
        mvc.perform(get(USAGE).param("timeRange", DAY).param("pageSize", "501")
                        .header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.code").value("bad.request"));
        mvc.perform(get(USAGE).param("timeRange", DAY).param("pageSize", "500")
                        .header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk());
        mvc.perform(get(USAGE).param("timeRange", "2026-10-01/2026-10-02").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isBadRequest());
        mvc.perform(get(USAGE).param("timeRange", "2026-10-01T00:00:00Z").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isBadRequest());
        mvc.perform(get(USAGE).header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isBadRequest());
        mvc.perform(get(USAGE).param("timeRange", DAY).param("page", "one").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isBadRequest());
    }

    @Test
    void pagesSevenLegsOfTheDayInPagesOfThree() throws Exception {
        String bearer = bearer(mvc);
        // The file has 7 legs starting on 2026-10-01 (UTC): a1, b1, b2, c1, c2, d1, e1; ceil(7 / 3) = 3 pages.
        mvc.perform(get(USAGE).param("timeRange", DAY).param("page", "1").param("pageSize", "3")
                        .header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entities[*].legId").value(contains("leg-a1", "leg-b1", "leg-b2")))
                .andExpect(jsonPath("$.pageSize").value(3))
                .andExpect(jsonPath("$.pageNumber").value(1))
                .andExpect(jsonPath("$.total").value(7))
                .andExpect(jsonPath("$.pageCount").value(3));
        mvc.perform(get(USAGE).param("timeRange", DAY).param("page", "2").param("pageSize", "3")
                        .header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(jsonPath("$.entities[*].legId").value(contains("leg-c1", "leg-c2", "leg-d1")));
        mvc.perform(get(USAGE).param("timeRange", DAY).param("page", "3").param("pageSize", "3")
                        .header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(jsonPath("$.entities[*].legId").value(contains("leg-e1")));
        mvc.perform(get(USAGE).param("timeRange", DAY).param("page", "4").param("pageSize", "3")
                        .header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entities", hasSize(0)))
                .andExpect(jsonPath("$.pageNumber").value(4))
                .andExpect(jsonPath("$.pageCount").value(3));
    }

    @Test
    void filtersByCallTypeAndDirection() throws Exception {
        mvc.perform(get(USAGE).param("timeRange", DAY).param("callType", "voip").param("direction", "outbound")
                        .header(HttpHeaders.AUTHORIZATION, bearer(mvc)))
                .andExpect(jsonPath("$.entities[*].legId").value(
                        contains("leg-a1", "leg-b1", "leg-c1", "leg-c2", "leg-e1")))
                .andExpect(jsonPath("$.total").value(5))
                .andExpect(jsonPath("$.pageCount").value(1));
    }

    @Test
    void servesEachLegInTheVendorsShape() throws Exception {
        // leg-a1 is served exactly as the dataset file writes it (times without milliseconds).
        mvc.perform(get(USAGE).param("timeRange", "2026-10-01T08:00:00Z/2026-10-01T08:00:00.001Z")
                        .header(HttpHeaders.AUTHORIZATION, bearer(mvc)))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"entities": [{
                          "callId": "call-a", "legId": "leg-a1",
                          "startTime": "2026-10-01T08:00:00Z", "endTime": "2026-10-01T08:03:35Z",
                          "duration": 215, "billingDuration": 216, "carrierName": "Bandwidth.com",
                          "destinationNumber": "+12125550101", "destinationLocation": "New York, NY",
                          "callType": "voip", "direction": "outbound", "callOutcome": "answered"}],
                         "pageSize": 25, "pageNumber": 1, "total": 1, "pageCount": 1}
                        """, true));
    }
}
