package io.billinghub.sandbox.org;

import java.time.YearMonth;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sandbox's organisation APIs ({@code hub.embedded.sandbox.org.*}); they run whenever the vendor
 * sandbox does ({@code hub.embedded.sandbox.enabled=true}).
 *
 * @param period the month generated for both tenants (and the only period with an invoice)
 * @param seed   seed of the generated months; the same seed gives the same records
 * @param billableUsagePolls how many requests of a date range the published Genesys billable usage report answers
 *                           InProgress before it is Complete
 */
@ConfigurationProperties("hub.embedded.sandbox.org")
// Like SandboxProperties: a @ConfigurationPropertiesScan honours this, so a hub without the sandbox has no bean.
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
public record OrgSandboxProperties(
        @DefaultValue("2026-10") YearMonth period,
        @DefaultValue("20261001") long seed,
        @DefaultValue("2") int billableUsagePolls) {
}
