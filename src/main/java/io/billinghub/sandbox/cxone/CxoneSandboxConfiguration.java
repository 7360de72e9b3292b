package io.billinghub.sandbox.cxone;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.billinghub.sandbox.RequestLimit;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * The embedded CXone sandbox, active only with {@code hub.embedded.sandbox.enabled=true}: a generated month of
 * usage, its invoice, the report store, tokens, the tenant's request limit and fault counters. Served under
 * /sandbox/cxone by the hub's own web server ({@link CxoneSandboxController}). Bean names start with "cxoneSandbox"
 * so they never meet the hub's own CXone beans (its cxoneReports and cxoneInvoices repositories).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(CxoneSandboxProperties.class)
public class CxoneSandboxConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CxoneSandboxConfiguration.class);

    @Bean
    CxoneMonth cxoneSandboxMonth(CxoneSandboxProperties properties) throws IOException {
        if (properties.reportLines() > 0) {
            CxoneMonth month = CxoneMonth.fromLines(properties.period(), properties.zone(),
                    CxoneVolumeLines.of(properties.period(), properties.zone(), properties.reportLines()));
            LOG.info("CXone sandbox serves {} synthetic usage lines of {}", month.lines().size(), month.period());
            return month;
        }
        if (!generated(properties)) {
            CxoneMonth month = CxoneMonth.fromLines(properties.period(), properties.zone(), load(properties.dataset()));
            LOG.info("CXone sandbox serves {} usage lines from {}", month.lines().size(), properties.dataset());
            return month;
        }
        CxoneMonth month = CxoneMonthGenerator.generate(properties.seed(), properties.period(), properties.zone(),
                properties.users(), WorkingDays.standard());
        LOG.info("CXone sandbox serves {} usage lines of {} ({} users, seed {}, reporting zone {})",
                month.lines().size(), month.period(), properties.users(), properties.seed(), month.zone());
        return month;
    }

    /**
     * The generated month has its invoice; a month read from a file has none (finance drops it as CSV), nor has a
     * synthetic one.
     */
    @Bean
    CxoneSandboxInvoices cxoneSandboxInvoices(CxoneMonth month, CxoneSandboxProperties properties) {
        return generated(properties) && properties.reportLines() == 0 ? new CxoneSandboxInvoices(
                CxoneInvoiceBuilder.standard(month.zone()).build(month.period(), month.lines()))
                : new CxoneSandboxInvoices();
    }

    private static boolean generated(CxoneSandboxProperties properties) {
        return "generated".equalsIgnoreCase(properties.dataset().trim());
    }

    /** A JSON array of report lines in the API's shape; "classpath:…", "file:…" or a path. */
    static List<CxoneReportLine> load(String location) throws IOException {
        Resource resource = location.startsWith("classpath:") || location.startsWith("file:")
                ? new DefaultResourceLoader().getResource(location) : new FileSystemResource(location);
        if (!resource.exists()) {
            throw new IllegalStateException("CXone sandbox dataset not found: " + location
                    + " (hub.embedded.sandbox.cxone.dataset: \"generated\" or a JSON file)");
        }
        try (InputStream in = resource.getInputStream()) {
            return List.of(JsonMapper.builder().findAndAddModules().build().readValue(in, CxoneReportLine[].class));
        }
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
    RequestLimit cxoneSandboxRequestLimit(CxoneSandboxProperties properties, ObjectProvider<Clock> clock) {
        return new RequestLimit(properties.requestLimit(), properties.requestLimitBurst(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    CxoneSandboxFaults cxoneSandboxFaults(CxoneSandboxProperties properties) {
        return new CxoneSandboxFaults(properties.rateLimitEvery(), properties.rateLimitBurst(),
                properties.unavailableEvery());
    }
}
