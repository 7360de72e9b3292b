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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/** The CXone API's injected faults: a storm of three 429s every 5th request, a 503 every 7th. */
@WebMvcTest(controllers = CxoneSandboxController.class, properties = {
        "hub.embedded.sandbox.enabled=true",
        "hub.embedded.sandbox.cxone.client-id=test-client",
        "hub.embedded.sandbox.cxone.client-secret=test-secret",
        "hub.embedded.sandbox.cxone.processing-polls=0",
        "hub.embedded.sandbox.cxone.rate-limit-every=5",
        "hub.embedded.sandbox.cxone.rate-limit-burst=3",
        "hub.embedded.sandbox.cxone.retry-after-seconds=2",
        "hub.embedded.sandbox.cxone.unavailable-every=7"})
// the slice has none of the hub's security: the sandbox checks its own bearer tokens
@AutoConfigureMockMvc(addFilters = false)
class CxoneSandboxFaultsMvcTest extends CxoneSandboxMvcTest {

    @Test
    void stormsOfThree429sWithRetryAfterAndA503() throws Exception {
        String bearer = bearer(mvc);
        List<Integer> statuses = new ArrayList<>();
        for (int request = 1; request <= 16; request++) {
            MockHttpServletResponse response = mvc.perform(get(INVOICES).param("billingPeriod", "2026-10")
                    .header(HttpHeaders.AUTHORIZATION, bearer)).andReturn().getResponse();
            statuses.add(response.getStatus());
            if (response.getStatus() == 429) {
                assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
                assertThat(JsonPath.<String>read(response.getContentAsString(), "$.error")).isEqualTo("rate_limited");
            }
        }
        // Storms at 5-7, 10-12, 15-17 (7 is a multiple of 7 too: the storm wins); 503 at 14. The token request
        // does not count.
        assertThat(statuses).containsExactly(
                200, 200, 200, 200, 429, 429, 429, 200, 200, 429, 429, 429, 200, 503, 429, 429);
        assertThat(faults.requests()).isEqualTo(16);
    }

    @Test
    void everyApiEndpointCountsAndFaultsComeBeforeAuthentication() throws Exception {
        String bearer = bearer(mvc);
        // 1: submit (complete at once), 2: status, 3: data, 4: invoice without a token (401).
        String id = JsonPath.read(mvc.perform(post(REPORTS).contentType(MediaType.APPLICATION_JSON).content(OCTOBER)
                        .header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("COMPLETE"))
                .andReturn().getResponse().getContentAsString(), "$.reportId");
        mvc.perform(get(REPORTS + "/" + id).header(HttpHeaders.AUTHORIZATION, bearer)).andExpect(status().isOk());
        mvc.perform(get(REPORTS + "/" + id + "/data").param("pageSize", "1")
                .header(HttpHeaders.AUTHORIZATION, bearer)).andExpect(status().isOk());
        mvc.perform(get(INVOICES).param("billingPeriod", "2026-10")).andExpect(status().isUnauthorized());
        // 5: a 429 even without a token; the CSV download and tokens are not counted.
        mvc.perform(get("/sandbox/cxone/invoices/2026-10.csv")).andExpect(status().isOk());
        bearer(mvc);
        mvc.perform(get(REPORTS + "/" + id + "/data"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"))
                .andExpect(jsonPath("$.status").value(429));
        assertThat(faults.requests()).isEqualTo(5);
    }
}
