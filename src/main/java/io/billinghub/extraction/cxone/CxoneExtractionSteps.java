package io.billinghub.extraction.cxone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.cluster.WorkClaims;
import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.extraction.ReportPolling;
import io.billinghub.extraction.ReportTimeoutException;
import io.billinghub.extraction.UsageStaging;
import io.billinghub.platform.Checksums;
import io.billinghub.platform.HubExchange;
import io.billinghub.platform.Sleeper;
import io.billinghub.platform.http.VendorApiSteps;
import io.billinghub.runs.RunRegistry;
import io.billinghub.runs.RunSteps;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Route steps of CXone extraction (routes/cxone.camel.yaml): reuse or submit the usage report of the invoice
 * billing window, poll it with backoff until it completes (or give up after the limit), page through its data and
 * stage every line.
 */
@Component("cxoneExtractionSteps")
public class CxoneExtractionSteps {

    static final String STATE = "hubCxoneState";
    private static final Logger LOG = LoggerFactory.getLogger(CxoneExtractionSteps.class);

    private final CxoneProperties properties;
    private final CxoneReports reports;
    private final CxoneReportAdapter adapter;
    private final CxoneStaging staging;
    private final ExceptionQueue exceptions;
    private final RunRegistry runs;
    private final RunSteps runSteps;
    private final WorkClaims claims;
    private final ObjectMapper json;
    private final Sleeper sleeper;
    private final Clock clock;
    private final ReportPolling polling;

    public CxoneExtractionSteps(CxoneProperties properties, CxoneReports reports, CxoneReportAdapter adapter,
                                CxoneStaging staging, ExceptionQueue exceptions, RunRegistry runs, RunSteps runSteps,
                                WorkClaims claims, ObjectMapper json, Sleeper sleeper, Clock clock) {
        this.properties = properties;
        this.reports = reports;
        this.adapter = adapter;
        this.staging = staging;
        this.exceptions = exceptions;
        this.runs = runs;
        this.runSteps = runSteps;
        this.claims = claims;
        this.json = json;
        this.sleeper = sleeper;
        this.clock = clock;
        this.polling = new ReportPolling(properties.pollInitialDelay(), properties.pollMaxDelay(),
                properties.pollJitter(), properties.reportTimeout(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Starts the extraction of the body's tenant and period, reusing a report CXone still holds for the window. */
    public void begin(Exchange exchange) throws InvalidPayloadException {
        CxoneExtraction request = exchange.getIn().getMandatoryBody(CxoneExtraction.class);
        CxoneProperties.Tenant tenant = properties.tenant(request.tenantId());
        exchange.setProperty(HubExchange.PERIOD, request.period().toString());
        runSteps.ensure(exchange, CxoneProperties.PIPELINE);
        // before looking for a reusable report: a node that waited here reuses the report the other one fetched
        claims.claim(exchange, "cxone-report:" + tenant.id() + ":" + request.period());
        ReportWindow window = ReportWindow.of(tenant.id(), request.period(), tenant.reportingTimeZone());
        CxoneExtractionState state = new CxoneExtractionState(window, clock.instant());
        reports.reusable(window, clock.instant(), properties.reportReuse())
                .ifPresent(r -> state.reuse(r.reportId(), r.status(), r.submittedAt()));
        exchange.setProperty(STATE, state);
        exchange.setProperty(HubExchange.SOURCE, "cxone:" + tenant.id());
        exchange.setProperty(HubExchange.SOURCE_POSITION, window.start() + "/" + window.end());
    }

    /** The report request: COST, grouped by user, phone number and cost centre, taxes and prorated charges in. */
    public void prepareSubmit(Exchange exchange) throws IOException {
        CxoneExtractionState state = exchange.getProperty(STATE, CxoneExtractionState.class);
        CxoneProperties.Tenant tenant = properties.tenant(state.window().tenantId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reportType", "COST");
        body.put("startDate", state.window().start().toString());
        body.put("endDate", state.window().inclusiveEnd().toString());
        body.put("groupBy", List.of("USER", "PHONE_NUMBER", "COST_CENTER"));
        body.put("currencyCode", tenant.currency());
        body.put("includeTaxes", true);
        body.put("includeProratedCharges", true);
        VendorApiSteps.prepare(exchange, tenant.oauthClient(), tenant.requestsPerSecond(), "POST",
                tenant.baseUrl() + "/api/v2/usage/reports", json.writeValueAsString(body),
                "CXone report request of tenant " + tenant.id() + " for " + state.window().period());
    }

    public void submitted(Exchange exchange) throws IOException {
        CxoneExtractionState state = exchange.getProperty(STATE, CxoneExtractionState.class);
        JsonNode answer = json.readTree(exchange.getIn().getBody(String.class));
        String reportId = answer.path("reportId").asText(null);
        if (reportId == null) {
            throw new IllegalStateException("CXone accepted the report request without a reportId: " + answer);
        }
        Instant now = clock.instant();
        String status = answer.path("status").asText("QUEUED");
        reports.submitted(state.window(), reportId, status, now, exchange.getProperty(HubExchange.RUN_ID,
                String.class));
        state.report(reportId, status, now);
    }

    /**
     * Waits before the next status request (15 s doubling to a 60 s cap, with jitter); a report still pending
     * once the limit has passed ends the extraction with an alert. A reused report is checked at once.
     */
    public void waitBeforePoll(Exchange exchange) throws InterruptedException {
        CxoneExtractionState state = exchange.getProperty(STATE, CxoneExtractionState.class);
        if (state.checkingReusedReport()) {
            return;
        }
        checkTimeout(exchange, state);
        sleeper.sleep(polling.delayBefore(state.polls() + 1));
        checkTimeout(exchange, state);
    }

    public void preparePoll(Exchange exchange) {
        CxoneExtractionState state = exchange.getProperty(STATE, CxoneExtractionState.class);
        CxoneProperties.Tenant tenant = properties.tenant(state.window().tenantId());
        VendorApiSteps.prepare(exchange, tenant.oauthClient(), tenant.requestsPerSecond(), "GET",
                tenant.baseUrl() + "/api/v2/usage/reports/" + state.reportId(), null,
                "CXone report " + state.reportId() + " status");
        if (state.reused()) {
            VendorApiSteps.acceptNotFound(exchange);
        }
    }

    /** Records the status; a reused report CXone no longer knows (404) or has expired is replaced by a new one. */
    public void polled(Exchange exchange) throws IOException {
        CxoneExtractionState state = exchange.getProperty(STATE, CxoneExtractionState.class);
        boolean notFound = Integer.valueOf(404).equals(exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE));
        String status = notFound ? "NOT_FOUND"
                : json.readTree(exchange.getIn().getBody(String.class)).path("status").asText("UNKNOWN");
        reports.polled(state.reportId(), status, clock.instant());
        if (state.reused() && (notFound || "EXPIRED".equals(status))) {
            LOG.info("CXone report {} of {} is {} now: requesting a new one", state.reportId(),
                    state.window().period(), status);
            state.gone();
            return;
        }
        state.status(status);
    }

    /** Anything but COMPLETE (FAILED, EXPIRED) ends the extraction as a case to look into. */
    public void requireComplete(Exchange exchange) {
        CxoneExtractionState state = exchange.getProperty(STATE, CxoneExtractionState.class);
        if (!"COMPLETE".equals(state.status())) {
            exchange.setProperty(HubExchange.FAILURE_TYPE, ExceptionType.CXONE_REPORT_FAILED.name());
            throw new IllegalStateException("CXone report " + state.reportId() + " for " + state.window().period()
                    + " ended " + state.status() + " after " + state.polls() + " status requests");
        }
    }

    public void preparePage(Exchange exchange) {
        CxoneExtractionState state = exchange.getProperty(STATE, CxoneExtractionState.class);
        CxoneProperties.Tenant tenant = properties.tenant(state.window().tenantId());
        String uri = tenant.baseUrl() + "/api/v2/usage/reports/" + state.reportId() + "/data?pageSize="
                + properties.pageSize() + (state.nextPageToken() == null ? ""
                : "&nextPageToken=" + URLEncoder.encode(state.nextPageToken(), StandardCharsets.UTF_8));
        VendorApiSteps.prepare(exchange, tenant.oauthClient(), tenant.requestsPerSecond(), "GET", uri, null,
                "CXone report " + state.reportId() + " data page " + (state.pages() + 1));
    }

    /** Maps and stages one page; unmappable lines go to the exception queue with their position. */
    public void stagePage(Exchange exchange) {
        CxoneExtractionState state = exchange.getProperty(STATE, CxoneExtractionState.class);
        String tenantId = state.window().tenantId();
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        CxoneReportPage page = adapter.parse(exchange.getIn().getBody(String.class), tenantId, state.reportId(),
                state.pages() + 1);
        UsageStaging.StageCounts counts = staging.upsert(page.lines(), runId, clock.instant());
        for (RejectedRecord rejected : page.rejected()) {
            exceptions.raise(rejected.toCase(ExceptionType.MALFORMED_RECORD, CxoneProperties.PIPELINE,
                            "cxone:" + tenantId + " " + state.window().period())
                    .run(runId, exchange.getProperty(HubExchange.CORRELATION_ID, String.class))
                    .dedupeKey("record|cxone:" + tenantId + "|" + Checksums.sha256(rejected.raw()))
                    .build());
        }
        state.page(page, counts);
    }

    /** Records the extraction with the checksum of the report's staged lines: the input of every later phase. */
    public void finish(Exchange exchange) {
        CxoneExtractionState state = exchange.getProperty(STATE, CxoneExtractionState.class);
        ReportWindow window = state.window();
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        String checksum = staging.checksum(window.tenantId(), state.reportId());
        reports.extracted(window, state.reportId(), state.pages(), state.tally().recordsIn(), checksum,
                clock.instant(), runId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("report", state.reportId());
        details.put("statusRequests", state.statusRequests());
        details.put("pages", state.pages());
        runs.recordPhase(runId, state.startedAt(), state.tally().phase("extract cxone:" + window.tenantId() + " "
                + window.period(), details));
        runs.recordInput(runId, "cxone-extraction", window.tenantId() + "/" + window.period(), checksum);
    }

    private void checkTimeout(Exchange exchange, CxoneExtractionState state) {
        if (polling.timedOut(state.waitingSince(), clock.instant())) {
            exchange.setProperty(HubExchange.FAILURE_TYPE, ExceptionType.CXONE_REPORT_TIMEOUT.name());
            throw new ReportTimeoutException("CXone report " + state.reportId() + " for " + state.window().period()
                    + " is still " + state.status() + " after " + polling.timeout().toMinutes() + " minutes of"
                    + " polling (" + state.polls() + " status requests); the run ends here. CXone is probably"
                    + " splitting a partition or rebuilding an index: replay this case later to resume the same"
                    + " report (reused for 24 hours), then run the period again");
        }
    }
}
