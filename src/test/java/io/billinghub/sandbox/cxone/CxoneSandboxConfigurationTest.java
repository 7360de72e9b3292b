package io.billinghub.sandbox.cxone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The switch and the property binding, without a web server. */
class CxoneSandboxConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(CxoneSandboxController.class);

    @Test
    void nothingExistsUnlessTheSandboxIsEnabled() {
        runner.run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(CxoneSandboxProperties.class)
                .doesNotHaveBean(CxoneSandboxController.class)
                .doesNotHaveBean(CxoneMonth.class));
        runner.withPropertyValues("hub.embedded.sandbox.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CxoneReportStore.class));
        new WebApplicationContextRunner().withUserConfiguration(PropertiesScan.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CxoneSandboxProperties.class));
    }

    @Test
    void enabledItServesTheDefaultMonth() {
        runner.withPropertyValues("hub.embedded.sandbox.enabled=true").run(context -> {
            assertThat(context).hasNotFailed()
                    .hasSingleBean(CxoneSandboxController.class)
                    .hasSingleBean(CxoneTokens.class)
                    .hasSingleBean(CxoneReportStore.class)
                    .hasSingleBean(CxoneSandboxFaults.class)
                    .hasSingleBean(CxoneSandboxInvoices.class);
            assertThat(context.getBean(CxoneSandboxProperties.class)).isEqualTo(new CxoneSandboxProperties("generated",
                    YearMonth.of(2026, 10), "America/New_York", 300, 20261001L, "cxone-sandbox-client",
                    "cxone-sandbox-secret", 120, 2, false, 24, 40, 3, 1, 0, 0, 10, 0));
            CxoneMonth month = context.getBean(CxoneMonth.class);
            assertThat(month.lines()).hasSize(30998);
            assertThat(month.zone()).isEqualTo(ZoneId.of("America/New_York"));
            assertThat(context.getBean(CxoneSandboxInvoices.class).find(YearMonth.of(2026, 10)))
                    .hasValueSatisfying(invoice -> assertThat(invoice.totalAmount()).isEqualTo("44137.04"));
        });
    }

    @Test
    void bindsKebabCasePropertiesAndHidesTheSecret() {
        runner.withPropertyValues("hub.embedded.sandbox.enabled=true", "hub.embedded.sandbox.cxone.users=60",
                        "hub.embedded.sandbox.cxone.seed=5", "hub.embedded.sandbox.cxone.period=2026-11",
                        "hub.embedded.sandbox.cxone.reporting-time-zone=America/Chicago",
                        "hub.embedded.sandbox.cxone.fail-reports=true",
                        "hub.embedded.sandbox.cxone.client-secret=s3cret")
                .run(context -> {
                    CxoneSandboxProperties properties = context.getBean(CxoneSandboxProperties.class);
                    assertThat(properties.users()).isEqualTo(60);
                    assertThat(properties.failReports()).isTrue();
                    assertThat(properties.toString()).doesNotContain("s3cret");
                    CxoneMonth month = context.getBean(CxoneMonth.class);
                    assertThat(month.period()).isEqualTo(YearMonth.of(2026, 11));
                    assertThat(month.zone()).isEqualTo(ZoneId.of("America/Chicago"));
                    assertThat(month.lines().stream().filter(line -> line.featureType().isLicence()
                            && !line.isCredit())).hasSize(60);
                    assertThat(context.getBean(CxoneSandboxInvoices.class).find(YearMonth.of(2026, 11))).isPresent();
                });
    }

    @Test
    void aVolumeMonthHasExactlyTheLinesAskedForAndNoInvoice() {
        runner.withPropertyValues("hub.embedded.sandbox.enabled=true", "hub.embedded.sandbox.cxone.report-lines=48291")
                .run(context -> {
                    assertThat(context.getBean(CxoneMonth.class).billingMonthLines()).hasSize(48291);
                    assertThat(context.getBean(CxoneSandboxInvoices.class).find(YearMonth.of(2026, 10))).isEmpty();
                });
    }

    @Test
    void refusesNonsenseSettings() {
        for (String setting : new String[] {"users=10", "token-ttl-seconds=0", "rate-limit-burst=0",
                "rate-limit-every=-1", "processing-polls=-1", "reporting-time-zone=Mars/Olympus",
                "client-secret= ", "request-limit=-1", "request-limit-burst=0", "report-lines=-1"}) {
            runner.withPropertyValues("hub.embedded.sandbox.enabled=true", "hub.embedded.sandbox.cxone." + setting)
                    .run(context -> assertThat(context).as(setting).hasFailed());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan("io.billinghub.sandbox.cxone")
    static class PropertiesScan {
    }
}
