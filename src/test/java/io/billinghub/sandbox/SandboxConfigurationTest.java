package io.billinghub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The switch and the property binding, without a web server. */
class SandboxConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(GenesysSandboxController.class, ErpSandboxController.class);

    @Test
    void nothingExistsUnlessEnabled() {
        runner.run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(SandboxProperties.class)
                .doesNotHaveBean(GenesysSandboxController.class)
                .doesNotHaveBean(ErpSandboxController.class)
                .doesNotHaveBean(TelephonyDataset.class));
        runner.withPropertyValues("hub.embedded.sandbox.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SandboxFaults.class));
    }

    @Test
    void aPropertiesScanSkipsThePropertiesWhenDisabled() {
        // The hub's application class has @ConfigurationPropertiesScan.
        new WebApplicationContextRunner().withUserConfiguration(PropertiesScan.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SandboxProperties.class));
        new WebApplicationContextRunner().withUserConfiguration(PropertiesScan.class)
                .withPropertyValues("hub.embedded.sandbox.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(SandboxProperties.class));
    }

    @Test
    void enabledItServesTheGeneratedMonthWithTheDefaults() {
        runner.withPropertyValues("hub.embedded.sandbox.enabled=true").run(context -> {
            assertThat(context).hasNotFailed()
                    .hasSingleBean(GenesysSandboxController.class)
                    .hasSingleBean(ErpSandboxController.class)
                    .hasSingleBean(SandboxFaults.class)
                    .hasSingleBean(SandboxTokens.class)
                    .hasSingleBean(ErpLedger.class);
            SandboxProperties properties = context.getBean(SandboxProperties.class);
            assertThat(properties).isEqualTo(new SandboxProperties(true, "generated", YearMonth.of(2026, 10), 120,
                    20261001L, 300, 7, 1, 11, 2, "sandbox-client", "sandbox-secret", "sandbox-erp-token", 1));
            assertThat(context.getBean(TelephonyDataset.class).legs()).hasSize(4644);
        });
    }

    @Test
    void bindsKebabCasePropertiesLikeApplicationYml() {
        runner.withPropertyValues("hub.embedded.sandbox.enabled=true", "hub.embedded.sandbox.period=2026-02",
                        "hub.embedded.sandbox.calls-per-day=3", "hub.embedded.sandbox.seed=5",
                        "hub.embedded.sandbox.erp-unavailable-first=0", "hub.embedded.sandbox.client-secret=s3cret")
                .run(context -> {
                    SandboxProperties properties = context.getBean(SandboxProperties.class);
                    assertThat(properties.period()).isEqualTo(YearMonth.of(2026, 2));
                    assertThat(properties.erpUnavailableFirst()).isZero();
                    // 28 days x 3 calls, at least one leg each.
                    assertThat(context.getBean(TelephonyDataset.class).legs()).hasSizeGreaterThanOrEqualTo(84);
                    assertThat(properties.toString()).doesNotContain("s3cret");
                });
    }

    @Test
    void refusesNonsenseSettingsAndMissingFiles() {
        runner.withPropertyValues("hub.embedded.sandbox.enabled=true", "hub.embedded.sandbox.calls-per-day=0")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("hub.embedded.sandbox.enabled=true", "hub.embedded.sandbox.rate-limit-every=-1")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("hub.embedded.sandbox.enabled=true", "hub.embedded.sandbox.dataset=/no/such.json")
                .run(context -> assertThat(context).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan("io.billinghub.sandbox")
    static class PropertiesScan {
    }
}
