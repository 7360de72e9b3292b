package io.billinghub.sandbox.webex;

import java.time.Clock;
import java.time.Duration;

/**
 * The Webex Wholesale billing sandbox as plain objects: tokens, fault counters, the report store over the lazily
 * read dataset, and the download link signer. The controller serves it over HTTP; tests build it directly.
 */
public final class WebexSandbox {

    private final WebexSandboxProperties properties;
    private final WebexTokens tokens;
    private final WebexSandboxFaults faults;
    private final WebexReportStore reports;
    private final WebexLinkSigner links;

    public WebexSandbox(WebexSandboxProperties properties, WebexTokens tokens, WebexSandboxFaults faults,
                        WebexReportStore reports, WebexLinkSigner links) {
        this.properties = properties;
        this.tokens = tokens;
        this.faults = faults;
        this.reports = reports;
        this.links = links;
    }

    /** The sandbox the properties describe, on the given clock, with a random link-signing key. */
    public static WebexSandbox create(WebexSandboxProperties properties, Clock clock) {
        WebexDatasetLoader dataset = new WebexDatasetLoader(properties.reportCsv(), properties.partnerOrgId(),
                properties.partnerName());
        return new WebexSandbox(properties,
                new WebexTokens(properties.clientId(), properties.clientSecret(), properties.refreshToken(),
                        Duration.ofSeconds(properties.tokenTtlSeconds()), clock),
                new WebexSandboxFaults(properties.rateLimitEvery(), properties.lockedEvery(),
                        properties.unavailableDownloadsEvery()),
                new WebexReportStore(dataset, properties.partnerOrgId(), WebexIds.person(properties.clientId()),
                        properties.processingPolls(), properties.failEvery(), properties.acceptedEvery(), clock),
                WebexLinkSigner.withRandomKey(properties.linkValidity(), clock));
    }

    public WebexSandboxProperties properties() {
        return properties;
    }

    public WebexTokens tokens() {
        return tokens;
    }

    public WebexSandboxFaults faults() {
        return faults;
    }

    public WebexReportStore reports() {
        return reports;
    }

    public WebexLinkSigner links() {
        return links;
    }

    /** For tests: forgets every report and token and starts the fault and report counters again. */
    public void reset() {
        reports.reset();
        tokens.reset();
        faults.reset();
    }
}
