package io.billinghub.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
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
 * The embedded vendor sandbox (telephony usage API and ERP sink), active only with
 * {@code hub.embedded.sandbox.enabled=true}. Its controllers are served under /sandbox by the hub's own web server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(SandboxProperties.class)
public class SandboxConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxConfiguration.class);

    @Bean
    TelephonyDataset telephonyDataset(SandboxProperties properties) throws IOException {
        TelephonyDataset dataset = properties.generatedDataset()
                ? TelephonyDataset.generated(properties.period(), properties.callsPerDay(), properties.seed())
                : load(properties.dataset().trim());
        LOG.info("Vendor sandbox serves {} usage legs from {}", dataset.legs().size(), dataset.source());
        return dataset;
    }

    @Bean
    SandboxFaults sandboxFaults(SandboxProperties properties) {
        return new SandboxFaults(properties.rateLimitEvery(), properties.unavailableEvery(),
                properties.erpUnavailableFirst());
    }

    @Bean
    SandboxTokens sandboxTokens(SandboxProperties properties, ObjectProvider<Clock> clock) {
        return new SandboxTokens(properties.clientId(), properties.clientSecret(),
                Duration.ofSeconds(properties.tokenTtlSeconds()), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    ErpLedger erpLedger(ObjectProvider<Clock> clock) {
        return new ErpLedger(clock.getIfAvailable(Clock::systemUTC));
    }

    /** "classpath:..." and "file:..." are resource URLs; anything else is a filesystem path. */
    static TelephonyDataset load(String location) throws IOException {
        Resource resource = location.startsWith("classpath:") || location.startsWith("file:")
                ? new DefaultResourceLoader().getResource(location)
                : new FileSystemResource(location);
        if (!resource.exists()) {
            throw new IllegalStateException("Sandbox dataset not found: " + location
                    + " (hub.embedded.sandbox.dataset: \"generated\" or a JSON file)");
        }
        try (InputStream content = resource.getInputStream()) {
            return TelephonyDataset.fromJson(content, location);
        }
    }
}
