package io.billinghub.sandbox.cxone;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.billinghub.platform.SettableClock;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Shared pieces of the CXone sandbox tests. */
final class CxoneTestSupport {

    static final Instant T0 = Instant.parse("2026-11-06T15:00:00Z");
    static final String TOKEN = "/sandbox/cxone/oauth/token";
    static final String REPORTS = "/sandbox/cxone/api/v2/usage/reports";
    static final String INVOICES = "/sandbox/cxone/api/v2/billing/invoices";
    /** The October 2026 window of America/New_York, as the design document says to request it. */
    static final String OCTOBER = """
            {"reportType": "COST", "startDate": "2026-10-01T04:00:00Z", "endDate": "2026-11-01T03:59:59Z",
             "groupBy": ["USER", "PHONE_NUMBER", "COST_CENTER"], "currencyCode": "USD",
             "includeTaxes": true, "includeProratedCharges": true}""";

    private CxoneTestSupport() {
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

    static String tokenRequest(String clientId, String secret, String grantType) {
        return """
                {"grant_type": "%s", "scope": "read:usage read:billing read:reports",
                 "client_id": "%s", "client_secret": "%s"}""".formatted(grantType, clientId, secret);
    }

    /** A bearer header with a fresh token for the tests' client. */
    static String bearer(MockMvc mvc) throws Exception {
        String body = mvc.perform(post(TOKEN).contentType(MediaType.APPLICATION_JSON)
                        .content(tokenRequest("test-client", "test-secret", "client_credentials")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return "Bearer " + JsonPath.read(body, "$.access_token");
    }

    /** A report request over [startDate, endDate]. */
    static String reportRequest(String startDate, String endDate, boolean prorated) {
        return """
                {"reportType": "COST", "startDate": "%s", "endDate": "%s", "groupBy": ["USER"],
                 "includeTaxes": true, "includeProratedCharges": %s}""".formatted(startDate, endDate, prorated);
    }

    /** A plain US call line for unit tests. */
    static CxoneReportLine call(String lineId, String usageDate, String cost, String tax) {
        return new CxoneReportLine(lineId, Instant.parse(usageDate), "usr_00001", "agent.test", "+12125550101",
                CxoneFeatureType.VOICE_CALL, "INBOUND", 60, new BigDecimal(cost), "USD", new BigDecimal(tax),
                new BigDecimal("0.08"), "cc_marketing", false, null, null, null, null, null);
    }
}
