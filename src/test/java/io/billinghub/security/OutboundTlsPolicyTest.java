package io.billinghub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billinghub.extraction.TelephonyProperties;
import io.billinghub.extraction.cxone.CxoneProperties;
import io.billinghub.extraction.webex.WebexProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Import;

class OutboundTlsPolicyTest {

    /** The settings OutboundTlsCheck reads, and the check itself. */
    @EnableConfigurationProperties({SecurityProperties.class, TelephonyProperties.class, CxoneProperties.class,
        WebexProperties.class})
    @Import(OutboundTlsCheck.class)
    static class Check {
    }

    private final ApplicationContextRunner hub = new ApplicationContextRunner().withUserConfiguration(Check.class)
            .withPropertyValues("hub.webex.list-page-size=100",
                    "hub.telephony.tenants[0].base-url=https://api.mypurecloud.com",
                    "hub.telephony.tenants[0].token-url=https://login.mypurecloud.com/oauth/token",
                    "hub.erp.url=http://erp.example.com/charges?token=t0ps3cret");

    @Test
    void theHubDoesNotStartWithAPlainHttpUrlWhenTlsIsRequired() {
        hub.withPropertyValues("hub.security.require-tls=true").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessage("hub.security.require-tls is on and outbound TLS is not"
                        + " configured: hub.erp.url must be an https URL"));
        hub.withPropertyValues("hub.security.require-tls=false").run(context -> assertThat(context)
                .hasNotFailed());
    }

    @Test
    void httpsUrlsWithAHostComply() {
        assertThat(OutboundTlsPolicy.violations(Map.of("hub.erp.url", "https://erp.example.com/api/charges",
                "hub.telephony.tenants[0].base-url", "HTTPS://api.mypurecloud.com:443"))).isEmpty();
    }

    @Test
    void eachViolationNamesTheSettingAndNeverTheValue() {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("hub.telephony.tenants[0].base-url", "http://api.mypurecloud.com");
        urls.put("hub.telephony.tenants[0].token-url", "https://client:s3cr3t@login.mypurecloud.com/oauth/token");
        urls.put("hub.cxone.tenants[0].base-url", null);
        urls.put("hub.cxone.tenants[0].token-url", "https:///oauth/token");
        urls.put("hub.webex.partners[0].base-url", "not a url");
        urls.put("hub.erp.url", "ftp://erp.example.com");
        assertThat(OutboundTlsPolicy.violations(urls)).containsExactly(
                "hub.telephony.tenants[0].base-url must be an https URL",
                "hub.telephony.tenants[0].token-url may not carry credentials in the URL",
                "hub.cxone.tenants[0].base-url is not set",
                "hub.cxone.tenants[0].token-url has no host",
                "hub.webex.partners[0].base-url is not a valid URL",
                "hub.erp.url must be an https URL");
        assertThatThrownBy(() -> OutboundTlsPolicy.enforce(urls))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("hub.security.require-tls is on and outbound TLS is not configured: "
                        + "hub.telephony.tenants[0].base-url must be an https URL; ")
                .hasMessageNotContaining("s3cr3t");
    }
}
