package io.billinghub.sandbox.cxone;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sandbox of NICE CXone's published API, serving the document sandbox's month (active with the sandbox). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(CxonePublishedSandboxProperties.class)
public class CxonePublishedSandboxConfiguration {

    @Bean
    CxonePublishedSandbox cxonePublishedSandbox(CxonePublishedSandboxProperties properties,
                                                CxoneSandboxProperties document, CxoneMonth month,
                                                ObjectProvider<Clock> clock) {
        return new CxonePublishedSandbox(properties, document.clientId(), document.clientSecret(), month,
                clock.getIfAvailable(Clock::systemUTC));
    }
}
