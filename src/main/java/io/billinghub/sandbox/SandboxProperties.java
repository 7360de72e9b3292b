package io.billinghub.sandbox;

import java.time.YearMonth;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded vendor sandbox ({@code hub.embedded.sandbox.*}).
 *
 * @param enabled             serve the sandbox under /sandbox (the whole package is inactive otherwise)
 * @param dataset             "generated", or a JSON file of legs: a filesystem path, or a {@code file:} or
 *                            {@code classpath:} URL
 * @param period              the month a generated dataset covers
 * @param callsPerDay         calls generated per UTC day
 * @param seed                seed of the generated dataset; the same seed gives the same records
 * @param tokenTtlSeconds     lifetime of an issued OAuth access token
 * @param rateLimitEvery      every Nth usage request answers 429 (0 = never)
 * @param retryAfterSeconds   the Retry-After value sent with a 429
 * @param unavailableEvery    every Nth usage request answers 503 (0 = never)
 * @param duplicatePage       page k is served twice when a query has at least k pages (0 = never)
 * @param clientId            the only OAuth client the token endpoint accepts
 * @param clientSecret        that client's secret
 * @param erpToken            bearer token the ERP sink accepts
 * @param erpUnavailableFirst how many ERP POSTs after start or reset answer 503
 */
@ConfigurationProperties("hub.embedded.sandbox")
// @ConfigurationPropertiesScan honours this, so a hub with the sandbox switched off has no such bean.
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
public record SandboxProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("generated") String dataset,
        @DefaultValue("2026-10") YearMonth period,
        @DefaultValue("120") int callsPerDay,
        @DefaultValue("20261001") long seed,
        @DefaultValue("300") long tokenTtlSeconds,
        @DefaultValue("7") int rateLimitEvery,
        @DefaultValue("1") long retryAfterSeconds,
        @DefaultValue("11") int unavailableEvery,
        @DefaultValue("2") int duplicatePage,
        @DefaultValue("sandbox-client") String clientId,
        @DefaultValue("sandbox-secret") String clientSecret,
        @DefaultValue("sandbox-erp-token") String erpToken,
        @DefaultValue("1") int erpUnavailableFirst) {

    private static final String PREFIX = "hub.embedded.sandbox.";
    private static final String GENERATED = "generated";

    public SandboxProperties {
        SettingChecks.positive(PREFIX + "calls-per-day", callsPerDay);
        SettingChecks.positive(PREFIX + "token-ttl-seconds", tokenTtlSeconds);
        SettingChecks.notNegative(PREFIX + "rate-limit-every", rateLimitEvery);
        SettingChecks.notNegative(PREFIX + "retry-after-seconds", retryAfterSeconds);
        SettingChecks.notNegative(PREFIX + "unavailable-every", unavailableEvery);
        SettingChecks.notNegative(PREFIX + "duplicate-page", duplicatePage);
        SettingChecks.notNegative(PREFIX + "erp-unavailable-first", erpUnavailableFirst);
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("hub.embedded.sandbox.dataset must be \"generated\" or a file");
        }
    }

    public boolean generatedDataset() {
        return GENERATED.equalsIgnoreCase(dataset.trim());
    }

    /** Keeps the client secret and tokens out of logs and error messages that print the properties. */
    @Override
    public String toString() {
        return "SandboxProperties[enabled=" + enabled + ", dataset=" + dataset + ", period=" + period
                + ", callsPerDay=" + callsPerDay + ", seed=" + seed + ", tokenTtlSeconds=" + tokenTtlSeconds
                + ", rateLimitEvery=" + rateLimitEvery + ", retryAfterSeconds=" + retryAfterSeconds
                + ", unavailableEvery=" + unavailableEvery + ", duplicatePage=" + duplicatePage
                + ", clientId=" + clientId + ", erpUnavailableFirst=" + erpUnavailableFirst + "]";
    }
}
