package io.billinghub.sandbox.webex;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.platform.SettableClock;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The switch and the property binding, without a web server. */
class WebexSandboxConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(WebexSandboxController.class);

    @Test
    void nothingExistsUnlessTheSandboxIsEnabled() {
        runner.run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(WebexSandboxProperties.class)
                .doesNotHaveBean(WebexSandboxController.class)
                .doesNotHaveBean(WebexSandbox.class));
        runner.withPropertyValues("hub.embedded.sandbox.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(WebexSandbox.class));
        new WebApplicationContextRunner().withUserConfiguration(PropertiesScan.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(WebexSandboxProperties.class));
    }

    @Test
    void enabledItStartsWithTheDefaultsEvenBeforeTheDatasetExists() {
        // the default dataset (classpath:sandbox/webex/user-report-2026-10.csv) is not on this test classpath
        runner.withPropertyValues("hub.embedded.sandbox.enabled=true").run(context -> {
            assertThat(context).hasNotFailed()
                    .hasSingleBean(WebexSandboxController.class)
                    .hasSingleBean(WebexSandbox.class);
            assertThat(context.getBean(WebexSandboxProperties.class)).isEqualTo(new WebexSandboxProperties(
                    "classpath:sandbox/webex/user-report-2026-10.csv", WebexSandboxProperties.DEFAULT_PARTNER_ORG_ID,
                    "Acme Wholesale", "webex-sandbox-refresh-token", "webex-sandbox-client", "webex-sandbox-secret",
                    300, 2, 0, 2, Duration.ofMinutes(30), 9, 13, 1, 0));
        });
    }

    @Test
    void bindsKebabCasePropertiesUsesTheHubClockAndHidesSecrets() {
        SettableClock clock = new SettableClock(WebexTestSupport.T0);
        runner.withBean(Clock.class, () -> clock)
                .withPropertyValues("hub.embedded.sandbox.enabled=true",
                        "hub.embedded.sandbox.webex.report-csv=" + WebexTestSupport.FIXTURE,
                        "hub.embedded.sandbox.webex.partner-org-id=org-partner",
                        "hub.embedded.sandbox.webex.processing-polls=0",
                        "hub.embedded.sandbox.webex.link-validity=45m",
                        "hub.embedded.sandbox.webex.unavailable-downloads-every=5",
                        "hub.embedded.sandbox.webex.client-secret=s3cret",
                        "hub.embedded.sandbox.webex.refresh-token=r3fresh")
                .run(context -> {
                    WebexSandboxProperties properties = context.getBean(WebexSandboxProperties.class);
                    assertThat(properties.linkValidity()).isEqualTo(Duration.ofMinutes(45));
                    assertThat(properties.unavailableDownloadsEvery()).isEqualTo(5);
                    assertThat(properties.toString()).doesNotContain("s3cret").doesNotContain("r3fresh");
                    WebexReportStore reports = context.getBean(WebexSandbox.class).reports();
                    assertThat(reports.today()).isEqualTo(WebexTestSupport.TODAY);
                    WebexReport report = reports.create(WebexTestSupport.request("2026-10-01", "2026-10-31",
                            WebexReportType.USER, null)).report();
                    assertThat(report.status()).isEqualTo(WebexReportStatus.COMPLETED);
                    assertThat(reports.content(report.fileId()).orElseThrow().rows()).hasSize(9);
                });
    }

    @Test
    void refusesNonsenseSettings() {
        for (String setting : new String[] {"token-ttl-seconds=0", "processing-polls=-1", "fail-every=-1",
            "accepted-every=-2", "rate-limit-every=-1", "locked-every=-1", "retry-after-seconds=-1",
            "unavailable-downloads-every=-1", "link-validity=0s", "partner-org-id= ", "client-secret=",
            "report-csv= "}) {
            runner.withPropertyValues("hub.embedded.sandbox.enabled=true", "hub.embedded.sandbox.webex." + setting)
                    .run(context -> assertThat(context).as(setting).hasFailed());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan("io.billinghub.sandbox.webex")
    static class PropertiesScan {
    }
}
