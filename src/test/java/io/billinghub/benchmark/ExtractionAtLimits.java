package io.billinghub.benchmark;

import io.billinghub.BillingHubApplication;
import io.billinghub.extraction.cxone.CxoneExtraction;
import io.billinghub.sandbox.RequestLimit;
import io.billinghub.sandbox.cxone.CxoneMonth;
import io.billinghub.sandbox.cxone.CxoneReportLine;
import io.billinghub.sandbox.cxone.CxoneReportStore;
import io.billinghub.sandbox.cxone.CxoneSandboxFaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.TestSocketUtils;

/**
 * Measurement, not a test (README "Extraction at the vendors' limits"): the hub's CXone extraction (report request,
 * status polls, paged download, staging) of a report of exactly {@code lines} lines, through the hub's own routes,
 * throttle and retry policies, against its embedded sandbox limiting the tenant to the tenant's own budget (a bucket
 * refilled at that rate holding the vendor's burst, one second's requests unless given). The whole hub runs on real
 * time, free ports and a fresh embedded PostgreSQL in a temporary directory; run it from the project's root (it
 * reads routes/ and mappings/ there).
 *
 * <p>Two scenarios on the same hub: the budget equal to the limit and no fault; then the same with the sandbox
 * answering every 7th API request and a storm of 5 consecutive ones in the middle with 429 (Retry-After 1 s).
 * Requests are the API requests that reached the sandbox (not the OAuth token request, which has no limit).
 */
public final class ExtractionAtLimits {

    public static final int DEFAULT_LINES = 48_291;
    public static final int DEFAULT_PAGE_SIZE = 500;
    public static final int DEFAULT_REQUESTS_PER_SECOND = 10;

    private static final String TENANT = "acme-contact";
    private static final YearMonth PERIOD = YearMonth.of(2026, 10);
    private static final int INJECTED_EVERY = 7;
    private static final int STORM_AFTER = 40;
    private static final int STORM = 5;

    /**
     * One extraction's figures.
     *
     * @param linesReceived   lines the hub read off the pages, counting a line as often as it was read
     * @param distinctLines   different lines the hub staged from this report
     * @param missingLines    the sandbox's lines the hub did not stage
     * @param duplicatedLines lines read more than once (received minus distinct)
     * @param requests        API requests that reached the sandbox, 429s included (report request, status
     *                        requests, data pages)
     * @param rateLimited     requests answered 429: by the tenant's limit and by the injected faults
     * @param overLimit       of those, the ones the tenant's limit refused (the hub went over the budget)
     * @param elapsed         the whole extraction: token, report request, polls, pages, staging, checksum
     * @param pageRequests    data page requests the hub sent, retries included
     * @param pagingSpan      from the first data page request the hub sent to its last
     */
    public record Result(String scenario, int lines, int pageSize, int budget, long linesReceived, long distinctLines,
                         long missingLines, long duplicatedLines, long requests, long rateLimited, long overLimit,
                         Duration elapsed, long pageRequests, Duration pagingSpan) {

        /** All requests over the whole extraction's time. */
        public double requestsPerSecond() {
            return requests * 1e9 / elapsed.toNanos();
        }

        /** The rate the paging sustained: data page requests per second, from the first one to the last. */
        public double pagingRequestsPerSecond() {
            return (pageRequests - 1) * 1e9 / pagingSpan.toNanos();
        }

        /** The paging's rate as a percentage of the budget. */
        public double budgetShare() {
            return 100 * pagingRequestsPerSecond() / budget;
        }

        @Override
        public String toString() {
            return String.format("%s: %,d lines in pages of %d at a budget of %d/s: %,d received, %,d distinct,"
                            + " %d missing, %d duplicated; %d requests (%d data pages) in %.1f s = %.2f/s overall;"
                            + " paging %.2f/s = %.1f %% of the budget; %d answered 429 (%d over the limit)",
                    scenario, lines, pageSize, budget, linesReceived, distinctLines, missingLines, duplicatedLines,
                    requests, pageRequests, elapsed.toMillis() / 1e3, requestsPerSecond(), pagingRequestsPerSecond(),
                    budgetShare(), rateLimited, overLimit);
        }
    }

    /** Both scenarios' figures. */
    public record Results(Result atTheLimit, Result injected429s) {
    }

    private ExtractionAtLimits() {
    }

    /** Both scenarios against a limit of the budget's rate with a burst of one second's requests. */
    public static Results run(int lines, int pageSize, int requestsPerSecond) {
        return run(lines, pageSize, requestsPerSecond, requestsPerSecond);
    }

    /** Starts the hub with its sandbox (the vendor's burst as given), runs both scenarios, stops the hub. */
    public static Results run(int lines, int pageSize, int requestsPerSecond, int vendorBurst) {
        Path work;
        try {
            work = Files.createTempDirectory("extraction-at-limits-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // as command-line arguments, which win over application.yml (default properties would not)
        String[] arguments = properties(work, lines, pageSize, requestsPerSecond, vendorBurst).entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(BillingHubApplication.class)
                .run(arguments)) {
            String limit = "budget = limit (burst " + vendorBurst + ")";
            Result atTheLimit = extract(hub, limit, lines, pageSize, requestsPerSecond);
            CxoneSandboxFaults faults = hub.getBean(CxoneSandboxFaults.class);
            faults.reset();
            faults.behave(INJECTED_EVERY, 1, 0);
            faults.bursts().storm().armAfter(STORM_AFTER, STORM);
            Result injected = extract(hub, limit + ", 429 every " + INJECTED_EVERY + "th request and a storm of "
                    + STORM, lines, pageSize, requestsPerSecond);
            return new Results(atTheLimit, injected);
        }
    }

    /** Arguments: lines (48291), page size (500), requests per second (10), the vendor's burst (the rate). */
    public static void main(String[] args) {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_LINES;
        int pageSize = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_PAGE_SIZE;
        int budget = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_REQUESTS_PER_SECOND;
        int burst = args.length > 3 ? Integer.parseInt(args[3]) : budget;
        Results results = run(lines, pageSize, budget, burst);
        System.out.println(results.atTheLimit());
        System.out.println(results.injected429s());
        // the embedded servers' non-daemon threads may outlive the closed context by a while
        System.exit(0);
    }

    private static Result extract(ConfigurableApplicationContext hub, String scenario, int lines, int pageSize,
                                  int budget) {
        JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
        // a new report each time (the hub would reuse the one it requested before); staged lines stay, as when a
        // period is extracted again (a TRUNCATE would leave the planner a staging table it misjudges as it fills)
        jdbc.update("delete from cxone_report");
        jdbc.update("delete from cxone_extraction");
        RequestLimit limit = hub.getBean(RequestLimit.class);
        limit.reset();
        hub.getBean(CxoneReportStore.class).reset();
        CxoneSandboxFaults faults = hub.getBean(CxoneSandboxFaults.class);
        long injectedBefore = faults.rateLimited();

        PageRequests pages = new PageRequests();
        pages.start();
        CamelContext camel = hub.getBean(CamelContext.class);
        camel.getManagementStrategy().addEventNotifier(pages);
        long start = System.nanoTime();
        try {
            hub.getBean(ProducerTemplate.class).requestBody("direct:cxone-extract",
                    new CxoneExtraction(TENANT, PERIOD));
        } finally {
            camel.getManagementStrategy().removeEventNotifier(pages);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        List<Map<String, Object>> extractions = jdbc.queryForList("select report_id, lines from cxone_extraction");
        if (extractions.size() != 1) {
            throw new IllegalStateException(scenario + ": the extraction did not finish; its case is in the"
                    + " exception queue: " + jdbc.queryForList("select type, reason from exception_item"));
        }
        Map<String, Object> extraction = extractions.get(0);
        Set<String> staged = new HashSet<>(jdbc.queryForList("select line_id from cxone_usage_line"
                + " where report_id = ?", String.class, extraction.get("report_id")));
        long missing = hub.getBean(CxoneMonth.class).billingMonthLines().stream().map(CxoneReportLine::lineId)
                .filter(id -> !staged.contains(id)).count();
        long received = ((Number) extraction.get("lines")).longValue();
        long injected = faults.rateLimited() - injectedBefore;
        return new Result(scenario, lines, pageSize, budget, received, staged.size(), missing,
                received - staged.size(), limit.admitted() + limit.refused(), injected + limit.refused(),
                limit.refused(), elapsed, pages.count(), pages.span());
    }

    /** When the hub sent each data page request: Camel's event as the HTTP call leaves, on the hub's own route. */
    private static final class PageRequests extends EventNotifierSupport {

        private final List<Long> sent = new ArrayList<>();

        @Override
        public void notify(CamelEvent event) {
            if (event instanceof CamelEvent.ExchangeSendingEvent sending
                    && sending.getEndpoint().getEndpointUri().startsWith("http")
                    && sending.getExchange().getIn().getHeader(Exchange.HTTP_URI, "", String.class)
                    .contains("/data")) {
                synchronized (sent) {
                    sent.add(System.nanoTime());
                }
            }
        }

        long count() {
            synchronized (sent) {
                return sent.size();
            }
        }

        Duration span() {
            synchronized (sent) {
                return Duration.ofNanos(sent.get(sent.size() - 1) - sent.get(0));
            }
        }
    }

    private static Map<String, Object> properties(Path work, int lines, int pageSize, int requestsPerSecond,
                                                  int vendorBurst) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", TestSocketUtils.findAvailableTcpPort());
        p.put("logging.level.root", "WARN");
        p.put("hub.demo.enabled", false);
        p.put("hub.schedule.enabled", false);
        p.put("hub.embedded.postgres.data-directory", "");
        p.put("hub.embedded.sftp.root", work.resolve("sftp").toString());
        p.put("hub.embedded.sftp.host-key-file", work.resolve("host-key.pem").toString());
        p.put("hub.sftp.port", TestSocketUtils.findAvailableTcpPort());
        p.put("hub.sftp.known-hosts-file", work.resolve("known_hosts").toString());
        // a list is bound from one source only: the tenant whole, as application.yml has it, with this budget
        String tenant = "hub.cxone.tenants[0].";
        p.put(tenant + "id", TENANT);
        p.put(tenant + "base-url", "http://localhost:${server.port}/sandbox/cxone");
        p.put(tenant + "token-url", "http://localhost:${server.port}/sandbox/cxone/oauth/token");
        p.put(tenant + "client-id", "cxone-sandbox-client");
        p.put(tenant + "client-secret", "cxone-sandbox-secret");
        p.put(tenant + "scope", "read:usage read:billing read:reports");
        p.put(tenant + "requests-per-second", requestsPerSecond);
        p.put(tenant + "reporting-time-zone", "America/New_York");
        p.put(tenant + "currency", "USD");
        p.put("hub.cxone.page-size", pageSize);
        // status polls at the budget's pace too: the measurement is about the budget, not the report's production
        p.put("hub.cxone.poll-initial-delay", Duration.ofMillis(1000 / requestsPerSecond).toString());
        p.put("hub.cxone.poll-max-delay", Duration.ofMillis(1000 / requestsPerSecond).toString());
        p.put("hub.cxone.poll-jitter", 0);
        String sandbox = "hub.embedded.sandbox.cxone.";
        p.put(sandbox + "report-lines", lines);
        p.put(sandbox + "request-limit", requestsPerSecond);
        p.put(sandbox + "request-limit-burst", vendorBurst);
        p.put(sandbox + "processing-polls", 2);
        p.put(sandbox + "rate-limit-every", 0);
        p.put(sandbox + "unavailable-every", 0);
        p.put(sandbox + "retry-after-seconds", 1);
        return p;
    }

}
