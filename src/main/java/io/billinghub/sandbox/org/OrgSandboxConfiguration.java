package io.billinghub.sandbox.org;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The organisation APIs of the embedded sandbox, active only with {@code hub.embedded.sandbox.enabled=true}: a
 * generated month for the Genesys tenant and one for the CXone tenant, served under /sandbox/genesys and
 * /sandbox/cxone next to the usage APIs, with their tokens and fault counters.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(OrgSandboxProperties.class)
public class OrgSandboxConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(OrgSandboxConfiguration.class);

    @Bean
    OrgMonths orgSandboxMonths(OrgSandboxProperties properties) {
        OrgMonths months = new OrgMonths(OrgMonthGenerator.genesys(properties.period(), properties.seed()),
                OrgMonthGenerator.cxone(properties.period(), properties.seed()));
        for (OrgMonth month : new OrgMonth[] {months.genesys(), months.cxone()}) {
            LOG.info("Organisation sandbox serves {} {}: {} users, {} conversations, invoice {} of {} USD (seed {})",
                    month.vendor(), month.period(), month.users(month.snapshot()).size(),
                    month.conversations().size(), month.invoice().invoiceId(), month.invoice().total(),
                    properties.seed());
        }
        return months;
    }
}
