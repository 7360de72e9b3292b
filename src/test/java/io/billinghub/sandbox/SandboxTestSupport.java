package io.billinghub.sandbox;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.billinghub.platform.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Shared pieces of the sandbox's MVC tests. */
final class SandboxTestSupport {

    static final Instant T0 = Instant.parse("2026-10-02T06:00:00Z");
    static final String DAY = "2026-10-01T00:00:00Z/2026-10-02T00:00:00Z";

    private SandboxTestSupport() {
    }

    /** Replaces the hub's clock so tests move time by hand. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfig {
        @Bean
        @Primary
        SettableClock testClock() {
            return new SettableClock(T0);
        }
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** A bearer header with a fresh token for the tests' client. */
    static String bearer(MockMvc mvc) throws Exception {
        String body = mvc.perform(post("/sandbox/genesys/oauth/token")
                        .header(HttpHeaders.AUTHORIZATION, basic("test-client", "test-secret"))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("grant_type=client_credentials"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return "Bearer " + JsonPath.read(body, "$.access_token");
    }
}
