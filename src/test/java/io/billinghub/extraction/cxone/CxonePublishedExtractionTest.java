package io.billinghub.extraction.cxone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.billinghub.extraction.TelephonyProperties.Connector;
import io.billinghub.platform.http.OAuthClient;
import io.billinghub.platform.http.OAuthTokens;
import io.billinghub.platform.http.RequestRejectedException;
import io.billinghub.sandbox.cxone.CxonePublishedSandbox;
import io.billinghub.support.HubIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo tenant switched to the PUBLISHED connector through its HUB_CXONE_CONNECTOR placeholder,
 * extracting the fixture month (src/test/resources/e2e/cxone-usage-2026-10.json) through the published-API
 * sandbox. This class runs its own Spring context, on its own HTTP port and without an SFTP server of its own,
 * beside the shared one of the other integration tests (whose tenant stays DOCUMENT).
 *
 * <p>The fixture's October (America/New_York: 2026-10-01T04:00Z .. 2026-11-01T03:59:59Z) has 7 calls: ln_c3
 * (2026-10-01T03:30Z) is still September locally. Rated with mappings cxone-usage-rates.csv and
 * cxone-team-cost-centres.csv (team 2001 cc_marketing USD, 2003 cc_support_tier2 USD, 2007 cc_legacy_ops USD, 2101
 * cc_support_tier2 CAD), seconds x rate / 60:
 * c1 OUTBOUND 600 s x 0.1100 = 1.1000, c2 OUTBOUND 300 s = 0.5500, c4 INBOUND 1200 s x 0.0950 = 1.9000,
 * c5 1800 s = 2.8500, c6 240 s = 0.3800, c7 180 s = 0.2850 (USD), c8 INBOUND 600 s x 0.1300 = 1.3000 (CAD).
 * The contacts are numbered 500000001.. in usageDate order of all 8 calls: c3 500000001, c1 500000002,
 * c7 500000003, c8 500000004, c4 500000005, c5 500000006, c6 500000007, c2 500000008. The tenant's history also
 * holds 3 digital contacts, all inside the window: a chat 15 min after the 4th and 8th calls' ends (c8 ends
 * 2026-10-14T15:10Z, c2 2026-11-01T02:35Z) and an e-mail an hour after the 5th's (c4 ends 2026-10-15T18:20Z).
 * The connector asks for phone contacts only (mediaTypeId=4); a Data Extraction file holds them all, and the 3
 * digital ones give no line and no case (c3, 2026-10-01T03:30Z, is before the window: 10 in all).
 */
class CxonePublishedExtractionTest extends HubIntegrationTest {

    private static final int PORT = freeLocalPort();
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    /**
     * This context's web server on its own port (the shared context's settings win over a subclass's dynamic
     * properties, so the port is set on the server factory, after them).
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class OwnPort {
        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> ownPort() {
            return factory -> factory.setPort(PORT);
        }
    }

    @DynamicPropertySource
    static void publishedTenant(DynamicPropertyRegistry registry) {
        // no SFTP server of its own, and carrier inboxes under another folder than the shared context's
        registry.add("hub.embedded.sftp.enabled", () -> false);
        registry.add("hub.sftp.directory-prefix", () -> "published-it/");
        // two PUBLISHED tenants of the sandbox: acme-contact (completed contacts; its connector through the demo
        // tenant's placeholder) and acme-jobs (Data Extraction). An indexed list property replaces the whole list.
        registry.add("HUB_CXONE_CONNECTOR", () -> "PUBLISHED");
        tenant(registry, 0, "acme-contact", "${HUB_CXONE_CONNECTOR:DOCUMENT}", "CONTACTS");
        tenant(registry, 1, "acme-jobs", "PUBLISHED", "DATA_EXTRACTION");
    }

    private static void tenant(DynamicPropertyRegistry registry, int index, String id, String connector,
                               String source) {
        String prefix = "hub.cxone.tenants[" + index + "].";
        Map.of("id", id, "connector", connector, "published-source", source,
                "issuer", "http://localhost:" + PORT + "/sandbox/cxone-published",
                "cxone-tenant-id", "11ee8b5a-0000-4000-8000-0000acme0001", "access-key-id", "cxone-sandbox-access-key",
                "access-key-secret", "cxone-sandbox-access-secret", "client-id", "cxone-sandbox-client",
                "client-secret", "cxone-sandbox-secret", "reporting-time-zone", "America/New_York")
                .forEach((name, value) -> registry.add(prefix + name, () -> value));
        registry.add(prefix + "currency", () -> "USD");
        registry.add(prefix + "requests-per-second", () -> 10);
    }

    @Autowired
    private CxoneProperties properties;
    @Autowired
    private OAuthTokens tokens;
    @Autowired
    private CxoneApiDiscovery discovery;
    @Autowired
    private CxonePublishedSandbox published;

    @AfterEach
    void restore() {
        published.reset();
        discovery.forget();
    }

    @Test
    void theTenantIsPublishedAndItsSecretsStayOutOfItsText() {
        CxoneProperties.Tenant tenant = properties.tenant("acme-contact");
        assertThat(tenant.connector()).isEqualTo(Connector.PUBLISHED);
        assertThat(tenant.oauthClient().style()).isEqualTo(OAuthClient.Style.PASSWORD_BASIC);
        assertThat(tenant.oauthClient().tokenUrl()).isEqualTo("http://localhost:" + PORT
                + "/sandbox/cxone-published/auth/token");
        assertThat(tenant.toString()).doesNotContain("cxone-sandbox-access-secret", "cxone-sandbox-access-key",
                "cxone-sandbox-secret");
    }

    @Test
    void thePasswordGrantWithTheClientInBasicAuthGivesAToken() {
        CxoneProperties.Tenant tenant = properties.tenant("acme-contact");
        assertThat(tokens.accessToken(tenant.oauthClient())).isNotBlank();

        OAuthClient wrongKey = OAuthClient.passwordBasic("cxone:wrong-key", tenant.oauthClient().tokenUrl(),
                tenant.clientId(), tenant.clientSecret(), tenant.accessKeyId(), "not-the-secret");
        // the sandbox answers 400 (invalid_grant): a wrong access key is a bad grant, not an unknown client
        assertThatThrownBy(() -> tokens.accessToken(wrongKey)).isInstanceOf(RequestRejectedException.class)
                .hasMessage("token endpoint of cxone:wrong-key answered HTTP 400");
    }

    @Test
    void theApiHostIsDiscoveredFromTheTenantIdAndAnUnknownTenantFailsClearly() {
        CxoneProperties.Tenant tenant = properties.tenant("acme-contact");
        assertThat(discovery.apiEndpoint(tenant)).isEqualTo("http://localhost:" + PORT + "/sandbox/cxone-published");

        CxoneProperties.Tenant unknown = new CxoneProperties.Tenant("elsewhere", Connector.PUBLISHED, null, null,
                "c", "s", null, tenant.issuer(), "no-such-tenant", "k", "ks", null, null, null, null, null, 1,
                tenant.reportingTimeZone(), "USD");
        assertThatThrownBy(() -> discovery.apiEndpoint(unknown))
                .isInstanceOf(CxoneApiDiscovery.CxoneDiscoveryException.class)
                .hasMessage("CXone API discovery of tenant elsewhere at " + tenant.issuer()
                        + "/.well-known/cxone-configuration?tenantId=no-such-tenant answered HTTP 404: check issuer"
                        + " and cxone-tenant-id of the tenant");
    }

    @Test
    void theMonthIsPagedWithLinksNextRatedAndStagedThrough429sWithoutRetryAfter() {
        // 3 armed 429s, then the gateway's every 4th request starts 2 more: requests 1-3, 4-5 and 8-9 answer 429
        // (7 of 10); the 3 pages of top=3 (3 + 3 + 1 contacts) are requests 6, 7 and 10
        cxoneFaults.bursts().storm().arm(3);

        producer.requestBody("direct:cxone-extract", new CxoneExtraction("acme-contact", OCTOBER));

        assertThat(cxoneFaults.requests()).isEqualTo(10);
        assertThat(cxoneFaults.rateLimited()).isEqualTo(7);
        assertOctoberStaged();
        assertThat(contactCounts("acme-contact")).isEqualTo(Map.of("contacts", 7, "contactsNotPhone", 0));
    }

    @Test
    void withoutLinksTheClientPagesByTopAndSkip() {
        published.linksNext(false);

        producer.requestBody("direct:cxone-extract", new CxoneExtraction("acme-contact", OCTOBER));

        // skip 0, 3, 6: the third page holds 1 contact (< top 3), which ends the paging without a 4th request
        assertThat(cxoneFaults.requests()).isEqualTo(3);
        assertOctoberStaged();
    }

    @Test
    void aMonthWithoutContactsIsOne204AndAnEmptyExtraction() {
        producer.requestBody("direct:cxone-extract", new CxoneExtraction("acme-contact", YearMonth.of(2026, 11)));

        assertThat(jdbc.queryForMap("select pages, lines from cxone_extraction where period = '2026-11'"))
                .isEqualTo(Map.of("pages", 1, "lines", 0));
        assertThat(jdbc.queryForObject("select count(*) from cxone_usage_line", Integer.class)).isZero();
    }

    // Data Extraction (tenant acme-jobs): the sandbox admits one jobs call per 30 s of its clock and answers a job
    // RUNNING once; the hub paces its calls 30 s apart with the simulated Sleeper, so none is refused.

    @Test
    void aJobRunsThenSucceedsAndItsFileGivesTheSameLines() {
        producer.requestBody("direct:cxone-extract", new CxoneExtraction("acme-jobs", OCTOBER));

        // create, RUNNING, SUCCEEDED (then the download, which is not a jobs API call)
        assertThat(jobDetails()).isEqualTo(Map.of("jobsCreated", 1, "jobStatusRequests", 2,
                "downloadLinkRefetches", 0));
        assertThat(published.jobs().refusedCalls()).isZero();
        assertThat(clock.instant()).isAfterOrEqualTo(NOW.plusSeconds(60));
        assertOctoberStaged(1);
        assertThat(contactCounts("acme-jobs")).isEqualTo(Map.of("contacts", 10, "contactsNotPhone", 3));
    }

    @Test
    void anExpiredDownloadLinkIsAskedForAgain() {
        published.jobs().expireLinks(1);

        producer.requestBody("direct:cxone-extract", new CxoneExtraction("acme-jobs", OCTOBER));

        // create, RUNNING, SUCCEEDED with a dead link, SUCCEEDED again with a fresh one
        assertThat(jobDetails()).isEqualTo(Map.of("jobsCreated", 1, "jobStatusRequests", 3,
                "downloadLinkRefetches", 1));
        assertThat(published.jobs().refusedCalls()).isZero();
        assertOctoberStaged(1);
    }

    @Test
    void anExpiredJobIsReplacedByANewOne() {
        published.jobs().outcomes(List.of("EXPIRED"));

        producer.requestBody("direct:cxone-extract", new CxoneExtraction("acme-jobs", OCTOBER));

        // job 1: create, RUNNING, EXPIRED; job 2: create, RUNNING, SUCCEEDED
        assertThat(jobDetails()).isEqualTo(Map.of("jobsCreated", 2, "jobStatusRequests", 4,
                "downloadLinkRefetches", 0));
        assertOctoberStaged(1);
    }

    @Test
    void aFailedOrCancelledJobEndsTheExtractionAsACase() {
        Map<String, String> reasons = Map.of(
                "FAILED", "CXone Data Extraction job dex-0001 for 2026-10 ended FAILED: The extraction failed"
                        + " (sandbox)",
                "CANCELLED", "CXone Data Extraction job dex-0002 for 2026-10 ended CANCELLED: no error message");
        for (String outcome : List.of("FAILED", "CANCELLED")) {
            published.jobs().outcomes(List.of(outcome));

            producer.requestBody("direct:cxone-extract", new CxoneExtraction("acme-jobs", OCTOBER));

            // one open case for the tenant's month (the queue deduplicates it), its reason the latest failure's
            assertThat(jdbc.queryForList("select type, reason from exception_item"))
                    .extracting(c -> c.get("type"), c -> c.get("reason"))
                    .containsExactly(tuple("CXONE_REPORT_FAILED", "IllegalStateException: " + reasons.get(outcome)));
        }
        assertThat(jdbc.queryForObject("select count(*) from cxone_extraction", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from cxone_usage_line", Integer.class)).isZero();
    }

    /**
     * The whole cxone-gl month, unchanged downstream of staging: both tenants (completed contacts and Data
     * Extraction) give the same GL aggregates. PRE_TAX, fixture cost centres and FX (CAD 0.7310 until 2026-10-15):
     * 6010-4500 cc_marketing c1 1.1000 + c2 0.5500 = 1.6500; 6020-1200 cc_support_tier2 until 15 October c4 1.9000
     * + c8 1.3000 CAD x 0.7310 = 0.9503, 2.8503; 6020-1300 from 16 October c5 2.8500 + c6 0.3800 = 3.2300;
     * cc_legacy_ops has no GL mapping: c7 0.2850 parked in 9999-0000 Unallocated.
     */
    @Test
    void transformationAndGlTakeThePublishedLinesUnchanged() {
        producer.requestBody("direct:cxone-period", "2026-10");

        for (String tenant : List.of("acme-contact", "acme-jobs")) {
            assertThat(jdbc.queryForList("""
                    select gl_account, department, gl_amount::text as amount, record_count
                    from cxone_gl_aggregate where tenant_id = ? and period = '2026-10' order by gl_account""", tenant))
                    .as(tenant)
                    .extracting(a -> a.get("gl_account"), a -> a.get("department"), a -> a.get("amount"),
                            a -> a.get("record_count"))
                    .containsExactly(
                            tuple("6010-4500", "Digital Marketing", "1.650000", 2),
                            tuple("6020-1200", "Technical Support", "2.850300", 2),
                            tuple("6020-1300", "Technical Support", "3.230000", 2),
                            tuple("9999-0000", "Unallocated", "0.285000", 1));
        }
    }

    private Map<String, Object> jobDetails() {
        Map<String, Object> details = jdbc.queryForMap("""
                select (details->>'jobsCreated')::int as "jobsCreated",
                    (details->>'jobStatusRequests')::int as "jobStatusRequests",
                    (details->>'downloadLinkRefetches')::int as "downloadLinkRefetches"
                from run_phase where phase = 'extract cxone:acme-jobs 2026-10'""");
        return Map.copyOf(details);
    }

    private Map<String, Object> contactCounts(String tenant) {
        return Map.copyOf(jdbc.queryForMap("""
                select (details->>'contacts')::int as "contacts",
                    (details->>'contactsNotPhone')::int as "contactsNotPhone"
                from run_phase where phase = ?""", "extract cxone:" + tenant + " 2026-10"));
    }

    private void assertOctoberStaged() {
        assertOctoberStaged(3);
    }

    /** The fixture's October rated as the class comment says, staged from this many pages or files. */
    private void assertOctoberStaged(int pages) {
        List<Map<String, Object>> lines = jdbc.queryForList("""
                select line_id, feature_type, direction, duration_seconds, cost_amount::text as cost, currency,
                    cost_center_id, user_id, tax_amount::text as tax
                from cxone_usage_line order by line_id""");
        assertThat(lines).extracting(l -> l.get("line_id"), l -> l.get("direction"), l -> l.get("duration_seconds"),
                        l -> l.get("cost"), l -> l.get("currency"), l -> l.get("cost_center_id"))
                .containsExactly(
                        tuple("contact-500000002-call", "OUTBOUND", 600, "1.100000", "USD", "cc_marketing"),
                        tuple("contact-500000003-call", "INBOUND", 180, "0.285000", "USD", "cc_legacy_ops"),
                        tuple("contact-500000004-call", "INBOUND", 600, "1.300000", "CAD", "cc_support_tier2"),
                        tuple("contact-500000005-call", "INBOUND", 1200, "1.900000", "USD", "cc_support_tier2"),
                        tuple("contact-500000006-call", "INBOUND", 1800, "2.850000", "USD", "cc_support_tier2"),
                        tuple("contact-500000007-call", "INBOUND", 240, "0.380000", "USD", "cc_support_tier2"),
                        tuple("contact-500000008-call", "OUTBOUND", 300, "0.550000", "USD", "cc_marketing"));
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.get("feature_type")).isEqualTo("VOICE_CALL");
            assertThat(l.get("tax")).isEqualTo("0.000000");
        });
        assertThat(jdbc.queryForMap("select pages, lines from cxone_extraction where period = '2026-10'"))
                .isEqualTo(Map.of("pages", pages, "lines", 7));
        assertThat(jdbc.queryForObject("select count(*) from exception_item", Integer.class)).isZero();
    }

    private static int freeLocalPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
