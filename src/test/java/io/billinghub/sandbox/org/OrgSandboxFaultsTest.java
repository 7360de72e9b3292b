package io.billinghub.sandbox.org;

import static io.billinghub.sandbox.org.OrgSandboxTestSupport.T0;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.billinghub.platform.SettableClock;
import io.billinghub.sandbox.SandboxFaults;
import io.billinghub.sandbox.SandboxTokens;
import io.billinghub.sandbox.cxone.CxoneSandboxFaults;
import io.billinghub.sandbox.cxone.CxoneTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/** Both vendors' organisation APIs rate-limit every second request, before looking at the token. */
@WebMvcTest(controllers = {GenesysOrgSandboxController.class, CxoneOrgSandboxController.class}, properties = {
        "hub.embedded.sandbox.enabled=true",
        "hub.embedded.sandbox.dataset=classpath:sandbox/usage-small.json",
        "hub.embedded.sandbox.rate-limit-every=2",
        "hub.embedded.sandbox.retry-after-seconds=3",
        "hub.embedded.sandbox.unavailable-every=0",
        "hub.embedded.sandbox.cxone.users=50",
        "hub.embedded.sandbox.cxone.rate-limit-every=2",
        "hub.embedded.sandbox.cxone.rate-limit-burst=1",
        "hub.embedded.sandbox.cxone.retry-after-seconds=2",
        "hub.embedded.sandbox.cxone.unavailable-every=0"})
@Import(OrgSandboxTestSupport.ClockConfig.class)
// the slice has none of the hub's security: the sandbox checks its own bearer tokens
@AutoConfigureMockMvc(addFilters = false)
class OrgSandboxFaultsTest {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private SettableClock clock;
    @Autowired
    private SandboxTokens genesysTokens;
    @Autowired
    private SandboxFaults genesysFaults;
    @Autowired
    private CxoneTokens cxoneTokens;
    @Autowired
    private CxoneSandboxFaults cxoneFaults;

    @BeforeEach
    void reset() {
        clock.set(T0);
        genesysFaults.reset();
        cxoneFaults.reset();
    }

    @Test
    void genesysAnswers429EverySecondRequest() throws Exception {
        String bearer = "Bearer " + genesysTokens.issue("sandbox-client", "sandbox-secret").orElseThrow()
                .accessToken();
        String users = "/sandbox/genesys/api/v2/users?asOf=2026-11-01T00:00:00Z";
        mvc.perform(get(users).header(HttpHeaders.AUTHORIZATION, bearer)).andExpect(status().isOk());
        mvc.perform(get(users)).andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "3"))
                .andExpect(jsonPath("$.code").value("too.many.requests"));
        mvc.perform(get(users).header(HttpHeaders.AUTHORIZATION, bearer)).andExpect(status().isOk());
    }

    @Test
    void cxoneAnswers429EverySecondRequest() throws Exception {
        String bearer = "Bearer " + cxoneTokens.issue("cxone-sandbox-client", "cxone-sandbox-secret",
                CxoneTokens.SCOPES).orElseThrow().accessToken();
        String skills = "/sandbox/cxone/api/v2/skills?asOf=2026-11-01T00:00:00Z";
        mvc.perform(get(skills).header(HttpHeaders.AUTHORIZATION, bearer)).andExpect(status().isOk());
        mvc.perform(get(skills)).andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"))
                .andExpect(jsonPath("$.error").value("rate_limited"));
        mvc.perform(get(skills).header(HttpHeaders.AUTHORIZATION, bearer)).andExpect(status().isOk());
    }
}
