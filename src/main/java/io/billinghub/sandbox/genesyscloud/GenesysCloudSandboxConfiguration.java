package io.billinghub.sandbox.genesyscloud;

import io.billinghub.sandbox.TelephonyDataset;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The published Genesys Cloud API of the sandbox: the document sandbox's legs as conversations, the jobs, and the
 * organisation's one rate-limit count.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(GenesysCloudSandboxProperties.class)
public class GenesysCloudSandboxConfiguration {

    @Bean
    GenesysConversations genesysSandboxConversations(TelephonyDataset dataset) {
        return new GenesysConversations(dataset);
    }

    @Bean
    GenesysJobs genesysSandboxJobs(GenesysCloudSandboxProperties properties, ObjectProvider<Clock> clock) {
        return new GenesysJobs(properties, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    GenesysRateLimit genesysSandboxRateLimit(GenesysCloudSandboxProperties properties, ObjectProvider<Clock> clock) {
        return new GenesysRateLimit(properties.requestsPerMinute(), clock.getIfAvailable(Clock::systemUTC));
    }
}
