package io.billinghub.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.platform.SettableClock;
import io.billinghub.platform.Sleeper;
import io.billinghub.sandbox.ErpLedger;
import io.billinghub.sandbox.SandboxFaults;
import io.billinghub.sandbox.SandboxTokens;
import io.billinghub.sandbox.SftpDropClient;
import io.billinghub.sandbox.cxone.CxoneReportStore;
import io.billinghub.sandbox.cxone.CxoneSandboxFaults;
import io.billinghub.sandbox.webex.WebexSandbox;
import io.billinghub.security.HubRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole hub as it runs by default (embedded PostgreSQL, embedded SFTP server, vendor sandbox, ERP sink, the
 * YAML routes of routes/), on free ports and temporary directories, with the small fixture of
 * src/test/resources/e2e: its reference data, its usage month and its carrier files. Every subclass shares one
 * Spring context, and each test starts on a clean hub (reference data stays loaded).
 *
 * <p>Fixed settings the expected figures rely on: the clock stands at 2026-11-10T00:00Z (every October day is
 * past its 48-hour finalisation window); the sandbox pages 3 records at a time, serves page 1 twice in every
 * window that has one, answers every 4th usage request with 429 and every 7th with 503, and the ERP sink answers
 * its first POST with 503. Retries wait 1-5 ms so faults cost no time.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
// the Prometheus endpoint as deployed (Spring Boot tests leave metrics export off by default)
@AutoConfigureObservability(tracing = false)
@Import(HubIntegrationTest.SimulatedTime.class)
public abstract class HubIntegrationTest {

    protected static final Instant NOW = Instant.parse("2026-11-10T00:00:00Z");

    /** Waiting moves the hub's clock instead of blocking: a 45-minute poll budget costs no real time. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SimulatedTime {
        @Bean
        @Primary
        Sleeper simulatedSleeper(Clock clock) {
            return duration -> ((SettableClock) clock).advance(duration);
        }
    }

    protected static final int HTTP_PORT = freePort();
    protected static final int SFTP_PORT = freePort();
    protected static final Path WORK = temporaryDirectory();
    protected static final Path MAPPINGS = WORK.resolve("mappings");
    protected static final Path SFTP_ROOT = WORK.resolve("sftp-root");
    protected static final Path KNOWN_HOSTS = WORK.resolve("known_hosts");
    protected static final String SFTP_USER = "hub";
    protected static final String SFTP_PASSWORD = "test-only-password";

    /** The REST users of the shared context (hub.security.users), and no user at all. */
    protected enum TestUser {
        ANONYMOUS(null, null, null),
        FINANCE("finance", "finance-test-password", HubRole.FINANCE),
        OPERATOR("operator", "operator-test-password", HubRole.OPERATOR),
        ADMIN("admin", "admin-test-password", HubRole.ADMIN),
        METRICS("metrics", "metrics-test-password", HubRole.METRICS);

        public final String username;
        public final String password;
        final HubRole role;

        TestUser(String username, String password, HubRole role) {
            this.username = username;
            this.password = password;
            this.role = role;
        }

        /** The request with this user's HTTP Basic credentials (none for ANONYMOUS). */
        public HttpRequest.Builder authorize(HttpRequest.Builder request) {
            return username == null ? request : request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
    }

    static {
        copyFixtureMappings();
    }

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> HTTP_PORT);
        registry.add("hub.clock.fixed-instant", NOW::toString);
        registry.add("hub.schedule.enabled", () -> false);
        registry.add("hub.demo.enabled", () -> false);
        registry.add("hub.embedded.postgres.data-directory", () -> "");
        registry.add("hub.reference-data.directory", MAPPINGS::toString);
        registry.add("hub.reference-data.poll-interval-ms", () -> 3_600_000);
        registry.add("hub.sftp.port", () -> SFTP_PORT);
        registry.add("hub.sftp.username", () -> SFTP_USER);
        registry.add("hub.sftp.password", () -> SFTP_PASSWORD);
        registry.add("hub.sftp.known-hosts-file", KNOWN_HOSTS::toString);
        registry.add("hub.sftp.poll-delay-ms", () -> 100);
        registry.add("hub.sftp.read-lock-check-interval-ms", () -> 100);
        registry.add("hub.sftp.read-lock-min-age-ms", () -> 100);
        registry.add("hub.embedded.sftp.root", SFTP_ROOT::toString);
        registry.add("hub.embedded.sftp.host-key-file", () -> WORK.resolve("host-key.pem").toString());
        registry.add("hub.embedded.sandbox.dataset", () -> "classpath:e2e/usage-2026-10.json");
        registry.add("hub.embedded.sandbox.duplicate-page", () -> 1);
        registry.add("hub.embedded.sandbox.rate-limit-every", () -> 4);
        registry.add("hub.embedded.sandbox.unavailable-every", () -> 7);
        registry.add("hub.embedded.sandbox.retry-after-seconds", () -> 0);
        registry.add("hub.embedded.sandbox.erp-unavailable-first", () -> 1);
        registry.add("hub.telephony.page-size", () -> 3);
        registry.add("hub.telephony.genesys-jobs.results-page-size", () -> 3);
        registry.add("hub.embedded.sandbox.cxone.dataset", () -> "classpath:e2e/cxone-usage-2026-10.json");
        registry.add("hub.embedded.sandbox.cxone.processing-polls", () -> 1);
        registry.add("hub.embedded.sandbox.cxone.rate-limit-every", () -> 4);
        registry.add("hub.embedded.sandbox.cxone.rate-limit-burst", () -> 2);
        registry.add("hub.embedded.sandbox.cxone.retry-after-seconds", () -> 0);
        registry.add("hub.cxone.page-size", () -> 3);
        registry.add("hub.embedded.sandbox.webex.report-csv", () -> "classpath:e2e/webex/user-report-2026-10.csv");
        registry.add("hub.webex.list-page-size", () -> 2);
        registry.add("hub.http.initial-delay-ms", () -> 1);
        registry.add("hub.http.max-delay-ms", () -> 5);
        registry.add("camel.metrics.enable-exchange-event-notifier", () -> false);
        // no background heartbeat in a test: tests that take over runs call RunRecovery themselves
        registry.add("hub.cluster.heartbeat-interval", () -> "1h");
        registry.add("hub.cluster.lease-ttl", () -> "2h");
        registry.add("hub.cluster.run-takeover-after", () -> "2h");
        int i = 0;
        for (TestUser user : TestUser.values()) {
            if (user.username != null) {
                registry.add("hub.security.users[" + i + "].name", () -> user.username);
                registry.add("hub.security.users[" + i + "].password", () -> "{noop}" + user.password);
                registry.add("hub.security.users[" + i + "].role", user.role::name);
                i++;
            }
        }
    }

    @Autowired
    protected CamelContext camel;
    @Autowired
    protected ProducerTemplate producer;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected Clock clock;
    @Autowired
    protected ErpLedger erpLedger;
    @Autowired
    protected SandboxFaults sandboxFaults;
    @Autowired
    protected SandboxTokens sandboxTokens;
    @Autowired
    protected CxoneReportStore cxoneReports;
    @Autowired
    protected CxoneSandboxFaults cxoneFaults;
    @Autowired
    protected WebexSandbox webexSandbox;

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * Done when an exchange that entered {@code routeId} itself (not a split part, which carries its parent's
     * correlation id) after this call has completed. A run sent by the REST API into its direct: route can report
     * its completion twice (observed), and the late second report of an earlier run must not count.
     */
    protected NotifyBuilder whenRouteDone(String routeId) {
        long since = System.currentTimeMillis();
        return new NotifyBuilder(camel).fromRoute(routeId)
                .filter(exchange -> exchange.getProperty(Exchange.CORRELATION_ID) == null
                        && exchange.getClock().getCreated() >= since)
                .whenDone(1).create();
    }

    /** Runs October 2026 through the REST API, closing it to the ERP, and waits for the run; returns its id. */
    protected String runOctoberAndClose() throws IOException, InterruptedException {
        return runOctober("carrier-cpm", "carrier-cpm-period", true);
    }

    /** Runs a pipeline's October 2026 through the REST API and waits for the run; returns its id. */
    protected String runOctober(String pipeline, String route, boolean close) throws IOException,
            InterruptedException {
        return runOctober(pipeline, route, close, TestUser.ADMIN);
    }

    /** The same, started by this user. */
    protected String runOctober(String pipeline, String route, boolean close, TestUser user) throws IOException,
            InterruptedException {
        NotifyBuilder done = whenRouteDone(route);
        HttpResponse<String> started = post("/api/runs", "{\"pipeline\":\"" + pipeline
                + "\",\"period\":\"2026-10\",\"close\":" + close + "}", user);
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(done.matches(120, TimeUnit.SECONDS)).as("period run finished").isTrue();
        return json.readTree(started.body()).path("runId").asText();
    }

    /**
     * The four pipelines' October, as the end-to-end tests run them (the carrier month with two invoice files, the
     * CXone GL month with its invoice, the chargeback through both sandboxes, the Webex partner month with its
     * invoice), each closed to the ERP sink: one batch each. Returns the four run ids.
     */
    protected List<String> runEveryPipeline() throws IOException, InterruptedException {
        dropFixtureCarrierInvoices();
        String carrier = runOctoberAndClose();

        dropCxoneInvoice();
        String cxone = runOctober("cxone-gl", "cxone-period", true);

        String chargeback = runOctober("chargeback", "chargeback-period", true);

        NotifyBuilder partnerInvoice = new NotifyBuilder(camel).fromRoute("webex-invoices-acme-partner")
                .whenDone(1).create();
        drop("webex/acme-partner", "partner-invoice-2026-10.csv", fixture("e2e/webex/partner-invoice-2026-10.csv"));
        assertThat(partnerInvoice.matches(60, TimeUnit.SECONDS)).as("partner invoice ingested").isTrue();
        String webex = runOctober("webex-wholesale", "webex-period", true);

        List<String> runs = List.of(carrier, cxone, chargeback, webex);
        for (String runId : runs) {
            assertThat(jdbc.queryForObject("select status from pipeline_run where run_id = ?", String.class, runId))
                    .as(runId).isEqualTo("SUCCEEDED");
        }
        assertThat(erpLedger.charges()).extracting(c -> c.idempotencyKey()).containsExactly(
                "billing-hub/carrier-cpm/2026-10/1", "billing-hub/cxone-gl/2026-10/1",
                "billing-hub/chargeback/2026-10/1", "billing-hub/webex-wholesale/2026-10/1");
        return runs;
    }

    /** Every test starts on a clean hub: everything the pipelines write is emptied (not the reference data). */
    @BeforeEach
    void resetData() {
        jdbc.execute("""
                truncate pipeline_run, run_phase, run_input, exception_item, camel_messageprocessed, work_lease,
                    usage_leg, extraction_window, rated_leg, carrier_invoice_file, carrier_invoice,
                    carrier_invoice_line,
                    reconciliation_result, erp_batch, erp_batch_line, cxone_report, cxone_usage_line, cxone_extraction,
                    cxone_normalised_line, cxone_gl_aggregate, cxone_invoice, cxone_invoice_line,
                    cxone_reconciliation_result, cxone_invoice_event, org_extraction, org_record, chargeback_report,
                    chargeback_line, webex_report, webex_extraction, webex_report_row, webex_invoice,
                    webex_invoice_line, webex_statement_line, webex_statement_user, webex_reconciliation,
                    bulk_replay, bulk_replay_item
                    restart identity cascade""");
        // the audit tables refuse TRUNCATE by design; a test reset is the one place allowed to lift that
        for (String table : new String[] {"chargeback_override", "audit_event"}) {
            jdbc.execute("alter table " + table + " disable trigger " + table + "_no_truncate");
            jdbc.execute("truncate " + table + " restart identity");
            jdbc.execute("alter table " + table + " enable trigger " + table + "_no_truncate");
        }
        erpLedger.reset();
        sandboxFaults.reset();
        cxoneReports.reset();
        cxoneFaults.reset();
        webexSandbox.reset();
        ((SettableClock) clock).set(NOW);
        deleteFiles(SFTP_ROOT);
    }

    /** Drops a file as the carrier does: over SFTP into its inbox, checking the server's pinned host key. */
    protected static void drop(String carrierId, String fileName, byte[] content) throws IOException {
        SftpDropClient.drop("localhost", SFTP_PORT, SFTP_USER, SFTP_PASSWORD, KNOWN_HOSTS, carrierId + "/inbox",
                fileName, content);
    }

    /** Both carriers drop the fixture's October invoices (Bandwidth CSV, Twilio X12) and waits until both are read. */
    protected void dropFixtureCarrierInvoices() throws IOException {
        NotifyBuilder ingested = new NotifyBuilder(camel).fromRoute("carrier-invoices-*").whenDone(2).create();
        drop("bandwidth", "bandwidth-2026-10.csv", fixture("e2e/bandwidth-2026-10.csv"));
        drop("twilio", "twilio-2026-10.edi", fixture("e2e/twilio-2026-10.edi"));
        assertThat(ingested.matches(60, TimeUnit.SECONDS)).as("both carrier files ingested").isTrue();
    }

    /** Finance drops the fixture's CXone invoice CSV over SFTP; waits until it has been read. */
    protected void dropCxoneInvoice() throws IOException {
        NotifyBuilder dropped = new NotifyBuilder(camel).fromRoute("cxone-invoices-acme-contact").whenDone(1)
                .create();
        drop("cxone/acme-contact", "INV-CX-T-2026-10.csv", fixture("e2e/cxone-invoice-2026-10.csv"));
        assertThat(dropped.matches(60, TimeUnit.SECONDS)).as("invoice file read").isTrue();
    }

    protected static byte[] fixture(String name) {
        try (InputStream in = HubIntegrationTest.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET as the admin, who may do everything. */
    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, TestUser.ADMIN);
    }

    protected HttpResponse<String> get(String path, TestUser user) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT + path)).GET(), user);
    }

    /** A POST as the admin, who may do everything. */
    protected HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return post(path, json, TestUser.ADMIN);
    }

    protected HttpResponse<String> post(String path, String json, TestUser user) throws IOException,
            InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)), user);
    }

    protected HttpResponse<String> send(HttpRequest.Builder request, TestUser user) throws IOException,
            InterruptedException {
        return http.send(user.authorize(request).build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static long filesIn(String directory) throws IOException {
        Path dir = SFTP_ROOT.resolve(directory);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static void copyFixtureMappings() {
        try {
            Files.createDirectories(MAPPINGS);
            for (String name : new String[] {"carriers.csv", "rate-cards.csv", "gl-mappings.csv", "gl-accounts.csv",
                "cxone-cost-centres.csv", "cxone-phone-prefixes.csv", "fx-rates.csv", "cxone-licence-prices.csv",
                "business-calendar.csv", "hris-cost-centres.csv", "cost-multipliers.json", "webex-sku-prices.csv",
                "genesys-edge-carriers.csv", "cxone-usage-rates.csv", "cxone-team-cost-centres.csv",
                "genesys-resource-attributes.csv"}) {
                Files.write(MAPPINGS.resolve(name), fixture("e2e/mappings/" + name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the files, keeping the folders the running SFTP consumers poll. */
    private static void deleteFiles(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(Files::isRegularFile).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("hub-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
