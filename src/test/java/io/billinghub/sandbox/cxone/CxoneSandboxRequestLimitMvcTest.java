package io.billinghub.sandbox.cxone;

import static io.billinghub.sandbox.cxone.CxoneTestSupport.INVOICES;
import static io.billinghub.sandbox.cxone.CxoneTestSupport.OCTOBER;
import static io.billinghub.sandbox.cxone.CxoneTestSupport.REPORTS;
import static io.billinghub.sandbox.cxone.CxoneTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.billinghub.sandbox.RequestLimit;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The tenant's request limit (2 per second, burst 3) in front of a synthetic month of exactly 5 lines. */
@WebMvcTest(controllers = CxoneSandboxController.class, properties = {
        "hub.embedded.sandbox.enabled=true",
        "hub.embedded.sandbox.cxone.client-id=test-client",
        "hub.embedded.sandbox.cxone.client-secret=test-secret",
        "hub.embedded.sandbox.cxone.processing-polls=0",
        "hub.embedded.sandbox.cxone.rate-limit-every=0",
        "hub.embedded.sandbox.cxone.unavailable-every=0",
        "hub.embedded.sandbox.cxone.request-limit=2",
        "hub.embedded.sandbox.cxone.request-limit-burst=3",
        "hub.embedded.sandbox.cxone.report-lines=5"})
// the slice has none of the hub's security: the sandbox checks its own bearer tokens
@AutoConfigureMockMvc(addFilters = false)
class CxoneSandboxRequestLimitMvcTest extends CxoneSandboxMvcTest {

    @Autowired
    private RequestLimit limit;

    @BeforeEach
    void fullBucket() {
        limit.reset();
    }

    @Test
    void overTheLimitA429SaysWhenToComeBackBeforeFaultsAndTokensAreLookedAt() throws Exception {
        // the token endpoint is not limited; the burst lets three requests through at once
        String bearer = bearer(mvc);
        String id = JsonPath.read(mvc.perform(post(REPORTS).contentType(MediaType.APPLICATION_JSON).content(OCTOBER)
                        .header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString(), "$.reportId");
        mvc.perform(get(REPORTS + "/" + id).header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(jsonPath("$.totalRecords").value(5));
        mvc.perform(get(REPORTS + "/" + id + "/data").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(jsonPath("$.data.length()").value(5))
                .andExpect(jsonPath("$.data[4].lineId").value("vol_0000004"));

        // the fourth is due in 500 ms: 429, Retry-After rounded up to a whole second, even without a token
        mvc.perform(get(INVOICES).param("billingPeriod", "2026-10"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"))
                .andExpect(jsonPath("$.error").value("rate_limited"))
                .andExpect(jsonPath("$.message").value(
                        "Over the limit of 2 requests per second (burst 3); retry after 1 s"));
        clock.advance(Duration.ofMillis(500));
        // admitted now; a synthetic month has no invoice
        mvc.perform(get(INVOICES).param("billingPeriod", "2026-10").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isNotFound());

        assertThat(limit.admitted()).isEqualTo(4);
        assertThat(limit.refused()).isEqualTo(1);
        // the faults never saw the refused request
        assertThat(faults.requests()).isEqualTo(4);
    }
}
