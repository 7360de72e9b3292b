package io.billinghub.sandbox.webex;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded Webex Wholesale billing sandbox, active only with {@code hub.embedded.sandbox.enabled=true}, served
 * under /sandbox/webex by the hub's own web server ({@link WebexSandboxController}). Its dataset is read on first
 * use, so the hub starts even while the file is missing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(WebexSandboxProperties.class)
public class WebexSandboxConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(WebexSandboxConfiguration.class);

    @Bean
    WebexSandbox webexSandbox(WebexSandboxProperties properties, ObjectProvider<Clock> clock) {
        LOG.info("Webex sandbox: reports of partner {} from {} (read on first use)", properties.partnerName(),
                properties.reportCsv());
        return WebexSandbox.create(properties, clock.getIfAvailable(Clock::systemUTC));
    }
}
