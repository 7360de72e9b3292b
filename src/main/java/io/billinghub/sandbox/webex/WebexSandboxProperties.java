package io.billinghub.sandbox.webex;

import io.billinghub.sandbox.SettingChecks;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded Webex Wholesale billing sandbox ({@code hub.embedded.sandbox.webex.*}); it runs whenever
 * the vendor sandbox does ({@code hub.embedded.sandbox.enabled=true}).
 *
 * @param reportCsv                 the USER-level dataset of one month ("classpath:…", "file:…" or a path), read
 *                                  on first use
 * @param partnerOrgId              the partner's own org id: dataset rows with another PARTNER_ORG_ID belong to
 *                                  that sub-partner
 * @param partnerName               the partner's name (start-up log, dataset check)
 * @param refreshToken              the only refresh token the token endpoint accepts
 * @param clientId                  the only integration (client) the token endpoint accepts
 * @param clientSecret              that integration's secret
 * @param tokenTtlSeconds           lifetime of an access token
 * @param processingPolls           GETs of a report answered IN_PROGRESS before it completes (0 = at once)
 * @param failEvery                 every Nth created report ends FAILED (0 = never)
 * @param acceptedEvery             every Nth create answers 202 instead of 200, same body (0 = never)
 * @param linkValidity              how long a tempDownloadURL stays valid after the GET that returned it
 * @param rateLimitEvery            every Nth API request answers 429 (0 = never)
 * @param lockedEvery               every Nth API request answers 423 (0 = never)
 * @param retryAfterSeconds         the Retry-After value of a 429 or 423
 * @param unavailableDownloadsEvery every Nth download answers 503 (0 = never)
 */
@ConfigurationProperties("hub.embedded.sandbox.webex")
// Like SandboxProperties: a @ConfigurationPropertiesScan honours this, so a hub without the sandbox has no bean.
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
public record WebexSandboxProperties(
        @DefaultValue("classpath:sandbox/webex/user-report-2026-10.csv") String reportCsv,
        @DefaultValue(DEFAULT_PARTNER_ORG_ID) String partnerOrgId,
        @DefaultValue("Acme Wholesale") String partnerName,
        @DefaultValue("webex-sandbox-refresh-token") String refreshToken,
        @DefaultValue("webex-sandbox-client") String clientId,
        @DefaultValue("webex-sandbox-secret") String clientSecret,
        @DefaultValue("300") long tokenTtlSeconds,
        @DefaultValue("2") int processingPolls,
        @DefaultValue("0") int failEvery,
        @DefaultValue("2") int acceptedEvery,
        @DefaultValue("30m") Duration linkValidity,
        @DefaultValue("9") int rateLimitEvery,
        @DefaultValue("13") int lockedEvery,
        @DefaultValue("1") long retryAfterSeconds,
        @DefaultValue("0") int unavailableDownloadsEvery) {

    /** ciscospark://us/ORGANIZATION/6f1d2c3b-4a59-4e87-9b10-2c3d4e5f6a7b, base64url as Webex writes org ids. */
    public static final String DEFAULT_PARTNER_ORG_ID =
            "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi82ZjFkMmMzYi00YTU5LTRlODctOWIxMC0yYzNkNGU1ZjZhN2I";

    private static final String PREFIX = "hub.embedded.sandbox.webex.";

    public WebexSandboxProperties {
        SettingChecks.positive(PREFIX + "token-ttl-seconds", tokenTtlSeconds);
        SettingChecks.notNegative(PREFIX + "processing-polls", processingPolls);
        SettingChecks.notNegative(PREFIX + "fail-every", failEvery);
        SettingChecks.notNegative(PREFIX + "accepted-every", acceptedEvery);
        SettingChecks.notNegative(PREFIX + "rate-limit-every", rateLimitEvery);
        SettingChecks.notNegative(PREFIX + "locked-every", lockedEvery);
        SettingChecks.notNegative(PREFIX + "retry-after-seconds", retryAfterSeconds);
        SettingChecks.notNegative(PREFIX + "unavailable-downloads-every", unavailableDownloadsEvery);
        if (linkValidity == null || linkValidity.isNegative() || linkValidity.isZero()) {
            throw new IllegalArgumentException(PREFIX + "link-validity must be positive, was " + linkValidity);
        }
        for (String[] setting : new String[][] {{"report-csv", reportCsv}, {"partner-org-id", partnerOrgId},
            {"refresh-token", refreshToken}, {"client-id", clientId}, {"client-secret", clientSecret}}) {
            if (setting[1] == null || setting[1].isBlank()) {
                throw new IllegalArgumentException(PREFIX + setting[0] + " must not be blank");
            }
        }
    }

    /** Keeps the client secret and the refresh token out of logs and error messages that print the properties. */
    @Override
    public String toString() {
        return "WebexSandboxProperties[reportCsv=" + reportCsv + ", partnerOrgId=" + partnerOrgId
                + ", partnerName=" + partnerName + ", clientId=" + clientId + ", tokenTtlSeconds=" + tokenTtlSeconds
                + ", processingPolls=" + processingPolls + ", failEvery=" + failEvery
                + ", acceptedEvery=" + acceptedEvery + ", linkValidity=" + linkValidity
                + ", rateLimitEvery=" + rateLimitEvery + ", lockedEvery=" + lockedEvery
                + ", retryAfterSeconds=" + retryAfterSeconds
                + ", unavailableDownloadsEvery=" + unavailableDownloadsEvery + "]";
    }
}
