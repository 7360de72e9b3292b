package io.billinghub.sandbox.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The switch and the property binding, without a web server. */
class OrgSandboxConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(GenesysOrgSandboxController.class, CxoneOrgSandboxController.class);

    @Test
    void nothingExistsUnlessEnabled() {
        runner.run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(OrgSandboxProperties.class)
                .doesNotHaveBean(OrgMonths.class)
                .doesNotHaveBean(GenesysOrgSandboxController.class)
                .doesNotHaveBean(CxoneOrgSandboxController.class));
        new WebApplicationContextRunner().withUserConfiguration(PropertiesScan.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OrgSandboxProperties.class));
    }

    @Test
    void enabledItServesBothTenantsWithTheDefaults() {
        runner.withPropertyValues("hub.embedded.sandbox.enabled=true", "hub.embedded.sandbox.cxone.users=50")
                .run(context -> {
                    assertThat(context).hasNotFailed()
                            .hasSingleBean(GenesysOrgSandboxController.class)
                            .hasSingleBean(CxoneOrgSandboxController.class);
                    assertThat(context.getBean(OrgSandboxProperties.class))
                            .isEqualTo(new OrgSandboxProperties(YearMonth.of(2026, 10), 20261001L, 2));
                    OrgMonths months = context.getBean(OrgMonths.class);
                    assertThat(months.genesys()).isEqualTo(OrgMonthGenerator.genesys(YearMonth.of(2026, 10),
                            20261001L));
                    assertThat(months.cxone().vendor()).isEqualTo("cxone");
                });
    }

    @Test
    void bindsThePeriodAndSeed() {
        runner.withPropertyValues("hub.embedded.sandbox.enabled=true", "hub.embedded.sandbox.cxone.users=50",
                        "hub.embedded.sandbox.org.period=2027-02", "hub.embedded.sandbox.org.seed=5")
                .run(context -> {
                    OrgMonths months = context.getBean(OrgMonths.class);
                    assertThat(months.genesys().period()).isEqualTo(YearMonth.of(2027, 2));
                    assertThat(months.cxone().invoice().invoiceId()).isEqualTo("PLT-CXO-2027-02");
                    // 20 weekdays x 40 + 8 weekend days x 6.
                    assertThat(months.cxone().conversations()).hasSize(848);
                });
    }

    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan("io.billinghub.sandbox.org")
    static class PropertiesScan {
    }
}
