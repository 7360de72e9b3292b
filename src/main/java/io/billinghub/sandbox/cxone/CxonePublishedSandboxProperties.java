package io.billinghub.sandbox.cxone;

import io.billinghub.sandbox.SettingChecks;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded sandbox of NICE CXone's published API ({@code hub.embedded.sandbox.cxone.published.*}),
 * served under /sandbox/cxone-published beside the document-shaped one and from the same month. The OAuth client is
 * the document sandbox's (client-id, client-secret of {@code hub.embedded.sandbox.cxone}).
 *
 * @param tenantId        the only tenant id the API discovery knows
 * @param area            the discovery's area (a real tenant's API host is https://api-{area}.{domain})
 * @param domain          the discovery's domain
 * @param accessKeyId     the only access key the password grant accepts (the grant's username)
 * @param accessKeySecret its secret (the grant's password)
 * @param tokenTtlSeconds lifetime of an access token
 * @param linksNext       completed-contact pages carry {@code _links.next} while more follow; false: the client
 *                        must page with top/skip alone, until a short page or a 204
 * @param jobRunningPolls Data Extraction: status requests a job answers RUNNING before it ends
 * @param linkSeconds     Data Extraction: how long a download link stays valid, seconds of the sandbox clock
 *                        (NICE documents about 30)
 * @param jobCallIntervalSeconds Data Extraction: a call of the jobs API sooner than this after the previous one is
 *                        refused with 429 (no Retry-After); 0 = never
 */
@ConfigurationProperties("hub.embedded.sandbox.cxone.published")
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
public record CxonePublishedSandboxProperties(
        @DefaultValue("11ee8b5a-0000-4000-8000-0000acme0001") String tenantId,
        @DefaultValue("na1") String area,
        @DefaultValue("niceincontact.com") String domain,
        @DefaultValue("cxone-sandbox-access-key") String accessKeyId,
        @DefaultValue("cxone-sandbox-access-secret") String accessKeySecret,
        @DefaultValue("3600") long tokenTtlSeconds,
        @DefaultValue("true") boolean linksNext,
        @DefaultValue("1") int jobRunningPolls,
        @DefaultValue("30") long linkSeconds,
        @DefaultValue("30") long jobCallIntervalSeconds) {

    private static final String PREFIX = "hub.embedded.sandbox.cxone.published.";

    public CxonePublishedSandboxProperties {
        SettingChecks.positive(PREFIX + "token-ttl-seconds", tokenTtlSeconds);
        SettingChecks.notNegative(PREFIX + "job-running-polls", jobRunningPolls);
        SettingChecks.positive(PREFIX + "link-seconds", linkSeconds);
        SettingChecks.notNegative(PREFIX + "job-call-interval-seconds", jobCallIntervalSeconds);
        if (accessKeyId == null || accessKeyId.isBlank() || accessKeySecret == null || accessKeySecret.isBlank()) {
            throw new IllegalArgumentException(PREFIX + "access-key-id and access-key-secret must not be blank");
        }
    }

    /** Keeps the access key secret out of logs. */
    @Override
    public String toString() {
        return "CxonePublishedSandboxProperties[tenantId=" + tenantId + ", area=" + area + ", accessKeyId="
                + accessKeyId + ", accessKeySecret=***, tokenTtlSeconds=" + tokenTtlSeconds + ", linksNext="
                + linksNext + ", jobRunningPolls=" + jobRunningPolls + ", linkSeconds=" + linkSeconds
                + ", jobCallIntervalSeconds=" + jobCallIntervalSeconds + "]";
    }
}
