package io.billinghub.sandbox;

import static io.billinghub.sandbox.SandboxTestSupport.DAY;
import static io.billinghub.sandbox.SandboxTestSupport.T0;
import static io.billinghub.sandbox.SandboxTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.billinghub.platform.SettableClock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The usage API's injected faults: 429 every 7th request, 503 every 11th, page 2 served twice. */
@WebMvcTest(controllers = GenesysSandboxController.class, properties = {
        "hub.embedded.sandbox.enabled=true",
        "hub.embedded.sandbox.dataset=classpath:sandbox/usage-small.json",
        "hub.embedded.sandbox.client-id=test-client",
        "hub.embedded.sandbox.client-secret=test-secret",
        "hub.embedded.sandbox.rate-limit-every=7",
        "hub.embedded.sandbox.retry-after-seconds=3",
        "hub.embedded.sandbox.unavailable-every=11",
        "hub.embedded.sandbox.duplicate-page=2"})
@Import(SandboxTestSupport.ClockConfig.class)
// the slice has none of the hub's security: the sandbox checks its own bearer tokens
@AutoConfigureMockMvc(addFilters = false)
class GenesysSandboxFaultsTest {

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
    void theSeventhRequestsAreRateLimitedAndTheEleventhUnavailable() throws Exception {
        String bearer = bearer(mvc);
        List<Integer> statuses = new ArrayList<>();
        for (int request = 1; request <= 22; request++) {
            MockHttpServletResponse response = mvc.perform(get(USAGE).param("timeRange", DAY)
                    .header(HttpHeaders.AUTHORIZATION, bearer)).andReturn().getResponse();
            statuses.add(response.getStatus());
            if (response.getStatus() == 429) {
                assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
                assertThat(JsonPath.<String>read(response.getContentAsString(), "$.code"))
                        .isEqualTo("too.many.requests");
            }
        }
        // Requests 7, 14, 21 answer 429; 11 and 22 answer 503; the token request does not count.
        assertThat(statuses).containsExactly(
                200, 200, 200, 200, 200, 200, 429, 200, 200, 200, 503,
                200, 200, 429, 200, 200, 200, 200, 200, 200, 429, 503);
    }

    @Test
    void faultsComeBeforeAuthentication() throws Exception {
        for (int request = 1; request <= 6; request++) {
            mvc.perform(get(USAGE).param("timeRange", DAY)).andExpect(status().isUnauthorized());
        }
        mvc.perform(get(USAGE).param("timeRange", DAY))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "3"))
                .andExpect(jsonPath("$.status").value(429));
        assertThat(faults.usageRequests()).isEqualTo(7);
    }

    @Test
    void pageTwoIsServedTwiceAndPageCountGrowsByOne() throws Exception {
        String bearer = bearer(mvc);
        // 7 legs in pages of 3 make 3 pages; with page 2 duplicated: [a1 b1 b2] [c1 c2 d1] [c1 c2 d1] [e1].
        List<List<String>> pages = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            String body = mvc.perform(get(USAGE).param("timeRange", DAY).param("page", Integer.toString(page))
                            .param("pageSize", "3").header(HttpHeaders.AUTHORIZATION, bearer))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(7))
                    .andExpect(jsonPath("$.pageCount").value(4))
                    .andReturn().getResponse().getContentAsString();
            pages.add(JsonPath.read(body, "$.entities[*].legId"));
        }
        assertThat(pages).containsExactly(
                List.of("leg-a1", "leg-b1", "leg-b2"),
                List.of("leg-c1", "leg-c2", "leg-d1"),
                List.of("leg-c1", "leg-c2", "leg-d1"),
                List.of("leg-e1"));
        // Following pageCount still yields every leg of the day.
        Set<String> seen = new LinkedHashSet<>();
        pages.forEach(seen::addAll);
        assertThat(seen).hasSize(7);
    }

    @Test
    void aRangeWithFewerPagesThanTheDuplicatedOneIsServedOnce() throws Exception {
        // All 7 legs fit one page: no page 2 to repeat.
        mvc.perform(get(USAGE).param("timeRange", DAY).param("pageSize", "25")
                        .header(HttpHeaders.AUTHORIZATION, bearer(mvc)))
                .andExpect(jsonPath("$.pageCount").value(1))
                .andExpect(jsonPath("$.total").value(7));
    }
}
