package io.billinghub.sandbox.cxone;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded CXone sandbox, active only with {@code hub.embedded.sandbox.enabled=true}: a generated month of
 * usage, its invoice, the report store, tokens and fault counters. Served under /sandbox/cxone by the hub's own
 * web server ({@link CxoneSandboxController}). Bean names start with "cxoneSandbox" so they never meet the hub's
 * own CXone beans (its cxoneReports and cxoneInvoices repositories).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(CxoneSandboxProperties.class)
public class CxoneSandboxConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CxoneSandboxConfiguration.class);

    @Bean
    CxoneMonth cxoneSandboxMonth(CxoneSandboxProperties properties) {
        CxoneMonth month = CxoneMonthGenerator.generate(properties.seed(), properties.period(), properties.zone(),
                properties.users(), WorkingDays.standard());
        LOG.info("CXone sandbox serves {} usage lines of {} ({} users, seed {}, reporting zone {})",
                month.lines().size(), month.period(), properties.users(), properties.seed(), month.zone());
        return month;
    }

    @Bean
    CxoneSandboxInvoices cxoneSandboxInvoices(CxoneMonth month) {
        return new CxoneSandboxInvoices(
                CxoneInvoiceBuilder.standard(month.zone()).build(month.period(), month.lines()));
    }

    @Bean
    CxoneReportStore cxoneSandboxReportStore(CxoneMonth month, CxoneSandboxProperties properties,
                                             ObjectProvider<Clock> clock) {
        return new CxoneReportStore(month.lines(), properties.processingPolls(), properties.failReports(),
                Duration.ofHours(properties.reportRetentionHours()), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    CxoneTokens cxoneSandboxTokens(CxoneSandboxProperties properties, ObjectProvider<Clock> clock) {
        return new CxoneTokens(properties.clientId(), properties.clientSecret(),
                Duration.ofSeconds(properties.tokenTtlSeconds()), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    CxoneSandboxFaults cxoneSandboxFaults(CxoneSandboxProperties properties) {
        return new CxoneSandboxFaults(properties.rateLimitEvery(), properties.rateLimitBurst(),
                properties.unavailableEvery());
    }
}
