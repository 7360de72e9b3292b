package io.billinghub.sandbox.cxone;

import io.billinghub.sandbox.SettingChecks;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded CXone sandbox ({@code hub.embedded.sandbox.cxone.*}); it runs whenever the vendor
 * sandbox does ({@code hub.embedded.sandbox.enabled=true}).
 *
 * @param period               the billing month generated
 * @param reportingTimeZone    IANA zone of the tenant's invoices: the billing month is a local month there
 * @param users                tenant size (agents and supervisors), at least 50
 * @param seed                 seed of the generated month; the same seed gives the same lines
 * @param clientId             the only OAuth client the token endpoint accepts
 * @param clientSecret         that client's secret
 * @param tokenTtlSeconds      lifetime of an access token (short, so a long extraction must refresh)
 * @param processingPolls      status polls answered PROCESSING before a report completes (0 = complete at once)
 * @param failReports          reports end FAILED instead of COMPLETE
 * @param reportRetentionHours how long a completed report's data is served before it EXPIRES (410)
 * @param rateLimitEvery       every Nth API request starts a storm of 429s (0 = never)
 * @param rateLimitBurst       consecutive 429s per storm
 * @param retryAfterSeconds    the Retry-After value sent with a 429
 * @param unavailableEvery     every Nth API request answers 503 (0 = never)
 * @param requestLimit         the tenant's request limit, requests per second refilling a bucket of
 *                             requestLimitBurst; a request over it answers 429 with the wait (0 = no limit)
 * @param requestLimitBurst    requests a full bucket admits at once
 * @param reportLines          0: the dataset's lines; n: exactly n synthetic lines in the billing month (volume
 *                             measurements, {@link CxoneVolumeLines}), and no invoice
 */
@ConfigurationProperties("hub.embedded.sandbox.cxone")
// Like SandboxProperties: a @ConfigurationPropertiesScan honours this, so a hub without the sandbox has no bean.
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
public record CxoneSandboxProperties(
        @DefaultValue("generated") String dataset,
        @DefaultValue("2026-10") YearMonth period,
        @DefaultValue("America/New_York") String reportingTimeZone,
        @DefaultValue("300") int users,
        @DefaultValue("20261001") long seed,
        @DefaultValue("cxone-sandbox-client") String clientId,
        @DefaultValue("cxone-sandbox-secret") String clientSecret,
        @DefaultValue("120") long tokenTtlSeconds,
        @DefaultValue("2") int processingPolls,
        @DefaultValue("false") boolean failReports,
        @DefaultValue("24") long reportRetentionHours,
        @DefaultValue("40") int rateLimitEvery,
        @DefaultValue("3") int rateLimitBurst,
        @DefaultValue("1") long retryAfterSeconds,
        @DefaultValue("0") int unavailableEvery,
        @DefaultValue("0") int requestLimit,
        @DefaultValue("10") int requestLimitBurst,
        @DefaultValue("0") int reportLines) {

    private static final String PREFIX = "hub.embedded.sandbox.cxone.";

    public CxoneSandboxProperties {
        if (users < CxoneMonthGenerator.MIN_USERS) {
            throw new IllegalArgumentException(PREFIX + "users must be at least " + CxoneMonthGenerator.MIN_USERS
                    + ", was " + users);
        }
        SettingChecks.positive(PREFIX + "token-ttl-seconds", tokenTtlSeconds);
        SettingChecks.positive(PREFIX + "report-retention-hours", reportRetentionHours);
        SettingChecks.positive(PREFIX + "rate-limit-burst", rateLimitBurst);
        SettingChecks.notNegative(PREFIX + "processing-polls", processingPolls);
        SettingChecks.notNegative(PREFIX + "rate-limit-every", rateLimitEvery);
        SettingChecks.notNegative(PREFIX + "retry-after-seconds", retryAfterSeconds);
        SettingChecks.notNegative(PREFIX + "unavailable-every", unavailableEvery);
        SettingChecks.notNegative(PREFIX + "request-limit", requestLimit);
        SettingChecks.positive(PREFIX + "request-limit-burst", requestLimitBurst);
        SettingChecks.notNegative(PREFIX + "report-lines", reportLines);
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException(PREFIX + "client-id and client-secret must not be blank");
        }
        try {
            ZoneId.of(reportingTimeZone);
        } catch (DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException(PREFIX + "reporting-time-zone '" + reportingTimeZone
                    + "' is not an IANA time zone", e);
        }
    }

    public ZoneId zone() {
        return ZoneId.of(reportingTimeZone);
    }

    /** Keeps the client secret out of logs and error messages that print the properties. */
    @Override
    public String toString() {
        return "CxoneSandboxProperties[period=" + period + ", reportingTimeZone=" + reportingTimeZone
                + ", users=" + users + ", seed=" + seed + ", clientId=" + clientId
                + ", tokenTtlSeconds=" + tokenTtlSeconds + ", processingPolls=" + processingPolls
                + ", failReports=" + failReports + ", reportRetentionHours=" + reportRetentionHours
                + ", rateLimitEvery=" + rateLimitEvery + ", rateLimitBurst=" + rateLimitBurst
                + ", retryAfterSeconds=" + retryAfterSeconds + ", unavailableEvery=" + unavailableEvery
                + ", requestLimit=" + requestLimit + ", requestLimitBurst=" + requestLimitBurst
                + ", reportLines=" + reportLines + "]";
    }
}
