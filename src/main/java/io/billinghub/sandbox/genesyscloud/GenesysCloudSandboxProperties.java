package io.billinghub.sandbox.genesyscloud;

import io.billinghub.sandbox.SettingChecks;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the published Genesys Cloud API of the sandbox ({@code hub.embedded.sandbox.genesys-cloud.*}): the
 * analytics conversation details jobs over the same legs as the document sandbox. Token, 429 and 503 faults are
 * those of {@code hub.embedded.sandbox.*}.
 *
 * @param pendingPolls     status requests answered QUEUED (the first) then PENDING before a job is FULFILLED
 * @param availabilityLag  dataAvailabilityDate is now minus this
 * @param failEvery        every Nth submitted job ends FAILED (0 = never)
 * @param expireEvery      every Nth submitted job ends EXPIRED (0 = never)
 * @param requestsPerMinute the limit the inin-ratelimit-allowed header announces
 */
@ConfigurationProperties("hub.embedded.sandbox.genesys-cloud")
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
public record GenesysCloudSandboxProperties(
        @DefaultValue("2") int pendingPolls,
        @DefaultValue("1h") Duration availabilityLag,
        @DefaultValue("0") int failEvery,
        @DefaultValue("0") int expireEvery,
        @DefaultValue("300") int requestsPerMinute) {

    private static final String PREFIX = "hub.embedded.sandbox.genesys-cloud.";

    public GenesysCloudSandboxProperties {
        SettingChecks.notNegative(PREFIX + "pending-polls", pendingPolls);
        SettingChecks.notNegative(PREFIX + "fail-every", failEvery);
        SettingChecks.notNegative(PREFIX + "expire-every", expireEvery);
        SettingChecks.positive(PREFIX + "requests-per-minute", requestsPerMinute);
    }
}
