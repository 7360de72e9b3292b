package io.billinghub.extraction.webex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.cluster.WorkClaims;
import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.exceptions.NewException;
import io.billinghub.extraction.ReportPolling;
import io.billinghub.extraction.ReportTimeoutException;
import io.billinghub.platform.HubExchange;
import io.billinghub.platform.Sleeper;
import io.billinghub.platform.http.VendorApiSteps;
import io.billinghub.runs.PhaseCounts;
import io.billinghub.runs.RunRegistry;
import io.billinghub.runs.RunSteps;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Route steps of one Webex wholesale billing report (routes/webex-wholesale.camel.yaml): list the partner's reports
 * of the window (following the Link rel="next" pages), reuse a completed one or delete it first when regenerating,
 * otherwise create one; poll it with backoff until COMPLETED or FAILED; download its CSV from the temporary link,
 * fetching the report again whenever the link is about to expire or was refused; stage the rows.
 */
@Component("webexReportSteps")
public class WebexReportSteps {

    static final String STATE = "hubWebexState";
    private static final Logger LOG = LoggerFactory.getLogger(WebexReportSteps.class);
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");
    private static final String REPORTS = "/wholesale/billing/reports";

    private final WebexProperties properties;
    private final WebexReportStore store;
    private final WebexReportDownloader downloader;
    private final ExceptionQueue exceptions;
    private final RunRegistry runs;
    private final RunSteps runSteps;
    private final WorkClaims claims;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Sleeper sleeper;
    private final Clock clock;
    private final ReportPolling polling;

    public WebexReportSteps(WebexProperties properties, WebexReportStore store, WebexReportDownloader downloader,
                            ExceptionQueue exceptions, RunRegistry runs, RunSteps runSteps, WorkClaims claims,
                            TransactionTemplate tx,
                            ObjectMapper json, Sleeper sleeper, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.downloader = downloader;
        this.exceptions = exceptions;
        this.runs = runs;
        this.runSteps = runSteps;
        this.claims = claims;
        this.tx = tx;
        this.json = json;
        this.sleeper = sleeper;
        this.clock = clock;
        this.polling = new ReportPolling(properties.pollInitialDelay(), properties.pollMaxDelay(),
                properties.pollJitter(), properties.reportTimeout(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Starts the body's report: the window is checked first (never the current day, at most five years back). */
    public void begin(Exchange exchange) throws InvalidPayloadException {
        WebexReportJob job = exchange.getIn().getMandatoryBody(WebexReportJob.class);
        exchange.setProperty(HubExchange.PERIOD, job.period());
        runSteps.ensure(exchange, WebexProperties.PIPELINE);
        claims.claim(exchange, "webex-report:" + job.partnerId() + ":" + job.subPartnerOrgId() + ":" + job.type()
                + ":" + job.period());
        BillingWindow window = BillingWindow.of(YearMonth.parse(job.period()), today());
        WebexProperties.Partner partner = properties.partner(job.partnerId());
        String list = partner.baseUrl() + REPORTS + "?billingStartDate=" + window.start() + "&billingEndDate="
                + window.end() + "&type=" + job.type() + "&max=" + properties.listPageSize()
                + (job.subPartnerOrgId() == null ? "" : "&subPartnerOrgId=" + encode(job.subPartnerOrgId()));
        exchange.setProperty(STATE, new WebexReportState(job, window, clock.instant(), list));
        exchange.setProperty(HubExchange.SOURCE, "webex:" + job.partnerId() + (job.subPartnerOrgId() == null ? ""
                : "/" + job.subPartnerOrgId()));
        exchange.setProperty(HubExchange.SOURCE_POSITION, job.type() + " " + window.start() + "/" + window.end());
    }

    public void prepareList(Exchange exchange) {
        WebexReportState state = state(exchange);
        WebexProperties.Partner partner = partner(state);
        String url = state.nextListUrl();
        if (!sameOrigin(url, partner.baseUrl())) {
            // the bearer token goes only to the partner's API host
            throw new IllegalStateException("Webex answered a next-page link to another host: " + origin(url));
        }
        VendorApiSteps.prepare(exchange, partner.oauthClient(), partner.requestsPerSecond(), "GET", url, null,
                "Webex report list page " + (state.listPages() + 1) + " of " + state.job().describe());
    }

    /**
     * Notes the reports of exactly this window, type and scope, and the next page from the Link header. List items
     * do not say which sub-partner a report is for: a report the hub created is known by its scope; one it did not
     * create is taken only by a sub-partner's list (filtered by subPartnerOrgId), never guessed for the partner's.
     */
    public void listed(Exchange exchange) throws IOException {
        WebexReportState state = state(exchange);
        WebexReportJob job = state.job();
        boolean ambiguous = job.subPartnerOrgId() == null && !partner(state).subPartnerOrgIds().isEmpty();
        JsonNode answer = json.readTree(exchange.getIn().getBody(String.class));
        for (JsonNode item : answer.path("items")) {
            String id = item.path("id").asText();
            Optional<String> scope = store.scopeOf(id);
            boolean ours = scope.map(job.scopeOrgId()::equals).orElse(!ambiguous);
            if (ours && state.window().start().toString().equals(item.path("billingStartDate").asText())
                    && state.window().end().toString().equals(item.path("billingEndDate").asText())
                    && job.type().name().equals(item.path("type").asText(ReportType.PARTNER.name()))) {
                String status = item.path("status").asText();
                store.seen(state.job(), state.window(), id, status, null, clock.instant(), runId(exchange));
                state.listed(id, status);
            }
        }
        state.listPage(nextLink(exchange.getIn().getHeader("Link", String.class)));
        if (!state.listing()) {
            state.decide(clock.instant());
        }
    }

    public void prepareDelete(Exchange exchange) {
        WebexReportState state = state(exchange);
        WebexProperties.Partner partner = partner(state);
        VendorApiSteps.prepare(exchange, partner.oauthClient(), partner.requestsPerSecond(), "DELETE",
                partner.baseUrl() + REPORTS + "/" + encode(state.toDelete()), null,
                "Webex deletion of report " + state.toDelete() + " before regenerating " + state.job().describe());
        // already gone is what a deletion wants
        VendorApiSteps.acceptNotFound(exchange);
    }

    public void deleted(Exchange exchange) {
        WebexReportState state = state(exchange);
        store.deleted(state.toDelete(), clock.instant());
        LOG.info("Deleted Webex report {} to regenerate {}", state.toDelete(), state.job().describe());
        state.deleted();
    }

    public void prepareCreate(Exchange exchange) throws IOException {
        WebexReportState state = state(exchange);
        WebexProperties.Partner partner = partner(state);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("billingStartDate", state.window().start().toString());
        body.put("billingEndDate", state.window().end().toString());
        body.put("type", state.job().type().name());
        if (state.job().subPartnerOrgId() != null) {
            body.put("subPartnerOrgId", state.job().subPartnerOrgId());
        }
        VendorApiSteps.prepare(exchange, partner.oauthClient(), partner.requestsPerSecond(), "POST",
                partner.baseUrl() + REPORTS, json.writeValueAsString(body),
                "Webex creation of the " + state.job().describe());
    }

    /** 200 or 202, both with the new report's id: generation runs in the background either way. */
    public void created(Exchange exchange) throws IOException {
        WebexReportState state = state(exchange);
        JsonNode answer = json.readTree(exchange.getIn().getBody(String.class));
        String id = answer.path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw new IllegalStateException("Webex accepted the " + state.job().describe() + " without an id: "
                    + answer);
        }
        store.seen(state.job(), state.window(), id, "IN_PROGRESS", null, clock.instant(), runId(exchange));
        state.created(id, clock.instant());
    }

    /** Waits before the next status request (exponential backoff with jitter); gives up past the limit. */
    public void waitBeforePoll(Exchange exchange) throws InterruptedException {
        WebexReportState state = state(exchange);
        checkTimeout(exchange, state);
        sleeper.sleep(polling.delayBefore(state.polls() + 1));
        checkTimeout(exchange, state);
    }

    public void prepareGet(Exchange exchange) {
        WebexReportState state = state(exchange);
        WebexProperties.Partner partner = partner(state);
        VendorApiSteps.prepare(exchange, partner.oauthClient(), partner.requestsPerSecond(), "GET",
                partner.baseUrl() + REPORTS + "/" + encode(state.reportId()), null,
                "Webex report " + state.reportId() + " (" + state.job().describe() + ")");
    }

    public void polled(Exchange exchange) throws IOException {
        WebexReportState state = state(exchange);
        JsonNode answer = json.readTree(exchange.getIn().getBody(String.class));
        String status = answer.path("status").asText("UNKNOWN");
        JsonNode errors = answer.path("errors");
        String errorText = errors.isArray() && !errors.isEmpty() ? json.writeValueAsString(errors) : null;
        store.seen(state.job(), state.window(), state.reportId(), status, errorText, clock.instant(),
                runId(exchange));
        state.polled(status, answer.path("tempDownloadURL").asText(null), errorText, clock.instant());
        if ("COMPLETED".equals(status) && answer.path("tempDownloadURL").asText("").isBlank()) {
            throw new IllegalStateException("Webex report " + state.reportId() + " is COMPLETED without a"
                    + " tempDownloadURL");
        }
    }

    /** A FAILED report ends the extraction as a case carrying Webex's errors; replaying it creates a new report. */
    public void requireCompleted(Exchange exchange) {
        WebexReportState state = state(exchange);
        if ("COMPLETED".equals(state.status())) {
            return;
        }
        exchange.setProperty(HubExchange.FAILURE_TYPE, ExceptionType.WEBEX_REPORT_FAILED.name());
        throw new IllegalStateException("Webex " + state.job().describe() + " (report " + state.reportId()
                + ") ended " + state.status() + (state.errors() == null ? "" : " with errors " + state.errors())
                + "; replay this case to request it again");
    }

    /**
     * Streams the CSV into staging (one transaction: a failed or retried download leaves nothing half staged). A
     * link about to expire, or refused as expired, is renewed by fetching the report again first.
     */
    public void download(Exchange exchange) throws IOException, InterruptedException {
        WebexReportState state = state(exchange);
        Instant now = clock.instant();
        if (state.downloadUrl() == null || !now.isBefore(state.linkIssuedAt()
                .plus(properties.downloadLinkValidity()).minus(properties.downloadLinkMargin()))) {
            state.requireLink();
            return;
        }
        String what = "Webex download of report " + state.reportId();
        WebexReportDownloader.Outcome outcome;
        try {
            outcome = tx.execute(status -> {
                try {
                    return downloader.download(state.downloadUrl(), what, body -> stage(state, body, exchange));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while downloading report " + state.reportId(), e);
                }
            });
        } catch (UncheckedIOException e) {
            // an I/O failure, not the content: the shared policy retries the download
            throw e.getCause();
        } catch (MalformedReportException e) {
            exchange.setProperty(HubExchange.FAILURE_TYPE, ExceptionType.WEBEX_REPORT_MALFORMED.name());
            throw e;
        }
        if (outcome == WebexReportDownloader.Outcome.LINK_EXPIRED) {
            int refusals = state.linkRefused();
            LOG.info("Download link of Webex report {} refused ({} time(s)): fetching the report again",
                    state.reportId(), refusals);
            if (refusals > properties.downloadLinkRefreshes()) {
                exchange.setProperty(HubExchange.FAILURE_TYPE, ExceptionType.WEBEX_REPORT_FAILED.name());
                throw new IllegalStateException("the download link of Webex report " + state.reportId() + " was"
                        + " refused " + refusals + " times, each time right after it was fetched again");
            }
        }
    }

    private void stage(WebexReportState state, Reader body, Exchange exchange) {
        WebexReportJob job = state.job();
        String reportId = state.reportId();
        String runId = runId(exchange);
        String correlationId = exchange.getProperty(HubExchange.CORRELATION_ID, String.class);
        String source = "webex:" + job.partnerId() + "/" + job.type() + " report " + reportId;
        store.clearRows(reportId);
        long in = 0;
        long rejected = 0;
        List<WebexReportRow> batch = new ArrayList<>();
        try (WebexReportCsv csv = WebexReportCsv.open(body, job.type(), properties.requiredColumns(job.type()),
                state.window())) {
            while (csv.hasNext()) {
                WebexReportCsv.Item item = csv.next();
                in++;
                if (item instanceof WebexReportCsv.Read read) {
                    batch.add(read.row());
                    if (batch.size() >= properties.stageBatchSize()) {
                        store.insertRows(reportId, job.type(), batch);
                        batch.clear();
                    }
                } else if (item instanceof WebexReportCsv.Rejected r) {
                    rejected++;
                    rejectRow(source, reportId, r.recordNo(), r.reason(), r.raw(), runId, correlationId);
                }
            }
        }
        store.insertRows(reportId, job.type(), batch);
        long duplicates = store.removeDuplicates(reportId, d -> rejectRow(source, reportId, d.recordNo(),
                "repeats the package/location/licence row of record " + d.firstRecordNo() + " (rows are unique per"
                        + " package, location and licence id): the first is kept", d.raw(), runId, correlationId));
        rejected += duplicates;
        state.downloaded(in, in - rejected, rejected);
    }

    private void rejectRow(String source, String reportId, long recordNo, String reason, String raw, String runId,
                           String correlationId) {
        exceptions.raise(NewException.of(ExceptionType.WEBEX_ROW_REJECTED, reason)
                .pipeline(WebexProperties.PIPELINE).source(source, "record " + recordNo)
                .run(runId, correlationId)
                .dedupeKey("webex-row|" + reportId + "|" + recordNo)
                .payload(raw.getBytes(StandardCharsets.UTF_8), "text")
                .build());
    }

    /** Records the download with its checksum and counts: the period's input for this scope and level. */
    public void finish(Exchange exchange) {
        WebexReportState state = state(exchange);
        String runId = runId(exchange);
        String checksum = store.checksum(state.reportId());
        store.recordExtraction(runId, state.job(), state.reportId(), state.rowsIn(), state.accepted(),
                state.rejected(), checksum, clock.instant());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("report", state.reportId());
        details.put("listPages", state.listPages());
        details.put("statusRequests", state.statusRequests());
        details.put("linkRefusals", state.linkRefusals());
        runs.recordPhase(runId, state.startedAt(), PhaseCounts.input("extract " + state.job().describe(),
                state.rowsIn(), state.accepted(), state.rejected(), details));
        runs.recordInput(runId, "webex-report", state.job().partnerId() + "/" + state.job().scopeOrgId() + "/"
                + state.job().type() + "/" + state.job().period(), checksum);
    }

    private void checkTimeout(Exchange exchange, WebexReportState state) {
        if (polling.timedOut(state.waitingSince(), clock.instant())) {
            exchange.setProperty(HubExchange.FAILURE_TYPE, ExceptionType.WEBEX_REPORT_FAILED.name());
            throw new ReportTimeoutException("Webex " + state.job().describe() + " (report " + state.reportId()
                    + ") is still IN_PROGRESS after " + polling.timeout().toMinutes() + " minutes (" + state.polls()
                    + " status requests); replay this case later to resume waiting for the same report");
        }
    }

    static String nextLink(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = NEXT_LINK.matcher(header);
        return m.find() ? m.group(1) : null;
    }

    private static boolean sameOrigin(String url, String baseUrl) {
        return origin(url).equals(origin(baseUrl));
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private LocalDate today() {
        return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private WebexProperties.Partner partner(WebexReportState state) {
        return properties.partner(state.job().partnerId());
    }

    private static WebexReportState state(Exchange exchange) {
        return exchange.getProperty(STATE, WebexReportState.class);
    }

    private static String runId(Exchange exchange) {
        return exchange.getProperty(HubExchange.RUN_ID, String.class);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
