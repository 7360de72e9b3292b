package io.billinghub.extraction.cxone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.cluster.WorkClaims;
import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.extraction.ReportTimeoutException;
import io.billinghub.extraction.UsageStaging;
import io.billinghub.platform.Checksums;
import io.billinghub.platform.HubExchange;
import io.billinghub.platform.Reasons;
import io.billinghub.platform.http.TransientHttpException;
import io.billinghub.platform.http.VendorApiSteps;
import io.billinghub.referencedata.cxone.ActiveCxoneUsageRates;
import io.billinghub.runs.RunRegistry;
import io.billinghub.runs.RunSteps;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Route steps of the CXone published connector (routes/cxone.camel.yaml, cxone-extract-published): the tenant's
 * completed contacts of the invoice window, paged through the shared vendor API call, mapped and rated by
 * {@link CxoneContactMapper}, staged like the document-shaped report's lines and recorded as the month's extraction,
 * so transformation, reconciliation and GL take them unchanged.
 */
@Component("cxonePublishedSteps")
public class CxonePublishedSteps {

    static final String STATE = "hubCxonePublishedState";
    private static final Logger LOG = LoggerFactory.getLogger(CxonePublishedSteps.class);
    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final CxoneProperties properties;
    private final CxoneApiDiscovery discovery;
    private final ActiveCxoneUsageRates rates;
    private final CxoneStaging staging;
    private final ExceptionQueue exceptions;
    private final RunRegistry runs;
    private final RunSteps runSteps;
    private final WorkClaims claims;
    private final CxoneReports reports;
    private final ObjectMapper json;
    private final Clock clock;
    private final CxoneJobPacing pacing;
    private final HttpClient http;
    private final Duration timeout;

    public CxonePublishedSteps(CxoneProperties properties, CxoneApiDiscovery discovery, ActiveCxoneUsageRates rates,
                               CxoneStaging staging, ExceptionQueue exceptions, RunRegistry runs, RunSteps runSteps,
                               WorkClaims claims, CxoneReports reports, ObjectMapper json, Clock clock,
                               CxoneJobPacing pacing,
                               @Value("${hub.http.connect-timeout-ms}") long connectTimeoutMs,
                               @Value("${hub.http.response-timeout-ms}") long responseTimeoutMs) {
        this.pacing = pacing;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(connectTimeoutMs)).build();
        this.timeout = Duration.ofMillis(responseTimeoutMs);
        this.properties = properties;
        this.discovery = discovery;
        this.rates = rates;
        this.staging = staging;
        this.exceptions = exceptions;
        this.runs = runs;
        this.runSteps = runSteps;
        this.claims = claims;
        this.reports = reports;
        this.json = json;
        this.clock = clock;
    }

    /** Read by cxone-extract: the body's tenant uses the PUBLISHED connector. */
    public boolean handles(Exchange exchange) throws InvalidPayloadException {
        return properties.tenant(exchange.getIn().getMandatoryBody(CxoneExtraction.class).tenantId()).published();
    }

    /** Starts the tenant's month: the run, the claim, the tenant's API host (discovered once and cached). */
    public void begin(Exchange exchange) throws InvalidPayloadException {
        CxoneExtraction request = exchange.getIn().getMandatoryBody(CxoneExtraction.class);
        CxoneProperties.Tenant tenant = properties.tenant(request.tenantId());
        exchange.setProperty(HubExchange.PERIOD, request.period().toString());
        runSteps.ensure(exchange, CxoneProperties.PIPELINE);
        claims.claim(exchange, "cxone-report:" + tenant.id() + ":" + request.period());
        ReportWindow window = ReportWindow.of(tenant.id(), request.period(), tenant.reportingTimeZone());
        exchange.setProperty(HubExchange.SOURCE, "cxone:" + tenant.id());
        exchange.setProperty(HubExchange.SOURCE_POSITION, window.start() + "/" + window.end());
        // one id per extraction: the transformation reads the lines of the latest one only
        String extractionId = "contacts:" + request.period() + ":" + exchange.getProperty(HubExchange.RUN_ID,
                String.class);
        exchange.setProperty(STATE, new CxonePublishedState(window, extractionId, discovery.apiEndpoint(tenant),
                properties.pageSize(), clock.instant(),
                tenant.publishedSource() == CxoneProperties.PublishedSource.DATA_EXTRACTION));
    }

    /**
     * The next page: the previous page's _links.next, or top/skip over [startDate, endDate] of the window, phone
     * contacts only (mediaTypeId 4: the others carry no telephony usage).
     */
    public void preparePage(Exchange exchange) {
        CxonePublishedState state = exchange.getProperty(STATE, CxonePublishedState.class);
        CxoneProperties.Tenant tenant = properties.tenant(state.window().tenantId());
        String uri = state.nextLink() != null ? state.nextLink() : state.apiEndpoint() + "/inContactAPI/services/v"
                + tenant.servicesVersion() + "/contacts/completed?startDate=" + encode(state.window().start())
                + "&endDate=" + encode(state.window().inclusiveEnd()) + "&mediaTypeId="
                + CxoneContactMapper.PHONE_MEDIA_TYPE + "&top=" + state.top() + "&skip=" + state.skip();
        VendorApiSteps.prepare(exchange, tenant.oauthClient(), tenant.requestsPerSecond(), "GET", uri, null,
                "CXone completed contacts of tenant " + tenant.id() + " page " + (state.pages() + 1));
    }

    /** Maps, rates and stages one page; contacts that cannot be mapped go to the exception queue. */
    public void stagePage(Exchange exchange) {
        CxonePublishedState state = exchange.getProperty(STATE, CxonePublishedState.class);
        String body = exchange.getIn().getBody(String.class);
        if (Integer.valueOf(204).equals(exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class))
                || body == null || body.isBlank()) {
            state.noContent();
            return;
        }
        CxoneProperties.Tenant tenant = properties.tenant(state.window().tenantId());
        CxoneContactPage page = map(body, tenant, state, "completed contacts page " + (state.pages() + 1));
        state.page(page, stage(exchange, state, page));
    }

    /** Waits for the tenant's turn at the Data Extraction API (about one call per 30 s). */
    public void paceJobCall(Exchange exchange) throws InterruptedException {
        CxonePublishedState state = exchange.getProperty(STATE, CxonePublishedState.class);
        CxoneProperties.Tenant tenant = properties.tenant(state.window().tenantId());
        pacing.awaitTurn(tenant.id(), tenant.jobInterval());
    }

    /** Creates the month's job, or asks for the status of the one running (also for a fresh download link). */
    public void prepareJobCall(Exchange exchange) throws IOException {
        CxonePublishedState state = exchange.getProperty(STATE, CxonePublishedState.class);
        CxoneProperties.Tenant tenant = properties.tenant(state.window().tenantId());
        String jobs = state.apiEndpoint() + "/data-extraction/v1/jobs";
        if (state.jobId() == null) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("entityName", tenant.jobEntity());
            request.put("version", tenant.jobEntityVersion());
            request.put("startDate", state.window().start().toString());
            request.put("endDate", state.window().inclusiveEnd().toString());
            VendorApiSteps.prepare(exchange, tenant.oauthClient(), tenant.requestsPerSecond(), "POST", jobs,
                    json.writeValueAsString(request), "CXone Data Extraction job request of tenant " + tenant.id()
                            + " for " + state.window().period());
        } else {
            VendorApiSteps.prepare(exchange, tenant.oauthClient(), tenant.requestsPerSecond(), "GET",
                    jobs + "/" + URLEncoder.encode(state.jobId(), StandardCharsets.UTF_8), null,
                    "CXone Data Extraction job " + state.jobId() + " status");
        }
    }

    /**
     * Acts on the job's answer: RUNNING waits for the next turn; SUCCEEDED downloads the file at once (its link is
     * valid about 30 s; an expired link is asked for again); EXPIRED creates a new job; FAILED and CANCELLED end the
     * extraction as a case, as does a job still running after the report timeout.
     */
    public void jobAnswered(Exchange exchange) throws IOException, InterruptedException {
        CxonePublishedState state = exchange.getProperty(STATE, CxonePublishedState.class);
        String body = exchange.getIn().getBody(String.class);
        if (state.jobId() == null) {
            state.jobCreated(jobId(body), clock.instant());
            return;
        }
        JsonNode answer = json.readTree(body);
        state.jobStatusAsked();
        JsonNode status = answer.path("jobStatus");
        String value = status.path("status").asText("UNKNOWN");
        switch (value) {
            case "RUNNING" -> checkJobTimeout(exchange, state);
            case "SUCCEEDED" -> download(exchange, state, status.path("result").path("url").asText(""));
            case "EXPIRED" -> {
                LOG.info("CXone Data Extraction job {} expired before its file was fetched: a new one",
                        state.jobId());
                state.jobExpired();
            }
            case "FAILED", "CANCELLED" -> {
                exchange.setProperty(HubExchange.FAILURE_TYPE, ExceptionType.CXONE_REPORT_FAILED.name());
                throw new IllegalStateException("CXone Data Extraction job " + state.jobId() + " for "
                        + state.window().period() + " ended " + value + ": "
                        + status.path("result").path("errorMessage").asText("no error message"));
            }
            default -> throw new IllegalStateException("CXone Data Extraction job " + state.jobId()
                    + " answered an unknown status " + value);
        }
    }

    /** The created job's id: a JSON string (as NICE documents it), an object's jobId or id, or a bare token. */
    private String jobId(String body) {
        String text = body == null ? "" : body.trim();
        String id;
        try {
            JsonNode answer = json.readTree(text);
            id = answer == null ? "" : answer.isTextual() ? answer.asText()
                    : answer.path("jobId").asText(answer.path("id").asText(""));
        } catch (JsonProcessingException e) {
            id = JOB_ID.matcher(text).matches() ? text : "";
        }
        if (id.isBlank()) {
            throw new IllegalStateException("CXone accepted the Data Extraction job without its id: "
                    + Reasons.shorten(text));
        }
        return id;
    }

    private void checkJobTimeout(Exchange exchange, CxonePublishedState state) {
        if (!clock.instant().isBefore(state.jobCreatedAt().plus(properties.reportTimeout()))) {
            exchange.setProperty(HubExchange.FAILURE_TYPE, ExceptionType.CXONE_REPORT_TIMEOUT.name());
            throw new ReportTimeoutException("CXone Data Extraction job " + state.jobId() + " for "
                    + state.window().period() + " is still RUNNING after " + properties.reportTimeout().toMinutes()
                    + " minutes (" + state.jobStatusRequests() + " status requests); the run ends here");
        }
    }

    /** The file behind a short-lived link, fetched without the bearer token (the link carries its own grant). */
    private void download(Exchange exchange, CxonePublishedState state, String url) throws IOException,
            InterruptedException {
        if (url.isBlank()) {
            throw new IllegalStateException("CXone Data Extraction job " + state.jobId() + " SUCCEEDED without a"
                    + " download url");
        }
        HttpResponse<String> file = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (file.statusCode() == 403 || file.statusCode() == 404 || file.statusCode() == 410) {
            LOG.info("CXone Data Extraction job {}: its download link had expired (HTTP {}), asking for a fresh one",
                    state.jobId(), file.statusCode());
            state.linkExpired();
            return;
        }
        if (file.statusCode() != 200) {
            throw new TransientFileException("CXone Data Extraction job " + state.jobId() + " file answered HTTP "
                    + file.statusCode());
        }
        CxoneProperties.Tenant tenant = properties.tenant(state.window().tenantId());
        CxoneContactPage page = map(file.body(), tenant, state, "Data Extraction job " + state.jobId() + " file");
        state.downloaded(page, stage(exchange, state, page));
    }

    private CxoneContactPage map(String body, CxoneProperties.Tenant tenant, CxonePublishedState state,
                                 String where) {
        return new CxoneContactMapper(json, tenant.reportingTimeZone(), rates.require().rates())
                .parse(body, tenant.id(), state.extractionId(), where);
    }

    /** Stages the mapped lines; contacts that cannot be mapped go to the exception queue. */
    private UsageStaging.StageCounts stage(Exchange exchange, CxonePublishedState state, CxoneContactPage page) {
        String tenantId = state.window().tenantId();
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        UsageStaging.StageCounts counts = staging.upsert(page.lines(), runId, clock.instant());
        for (RejectedRecord rejected : page.rejected()) {
            exceptions.raise(rejected.toCase(ExceptionType.MALFORMED_RECORD, CxoneProperties.PIPELINE,
                            "cxone:" + tenantId + " " + state.window().period())
                    .run(runId, exchange.getProperty(HubExchange.CORRELATION_ID, String.class))
                    .dedupeKey("record|cxone:" + tenantId + "|" + Checksums.sha256(rejected.raw()))
                    .build());
        }
        return counts;
    }

    /** A download that failed for a reason worth retrying (the route's policies for transient errors). */
    static final class TransientFileException extends TransientHttpException {
        TransientFileException(String message) {
            super(message);
        }
    }

    /** Records the extraction with the checksum of its staged lines: the input of every later phase. */
    public void finish(Exchange exchange) {
        CxonePublishedState state = exchange.getProperty(STATE, CxonePublishedState.class);
        ReportWindow window = state.window();
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        String checksum = staging.checksum(window.tenantId(), state.extractionId());
        reports.extracted(window, state.extractionId(), state.pages(), state.tally().recordsIn(), checksum,
                clock.instant(), runId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("connector", "PUBLISHED");
        details.put("extraction", state.extractionId());
        details.put("pages", state.pages());
        details.put("contacts", state.contacts());
        details.put("contactsNotPhone", state.contactsNotPhone());
        if (state.dataExtraction()) {
            details.put("jobsCreated", state.jobsCreated());
            details.put("jobStatusRequests", state.jobStatusRequests());
            details.put("downloadLinkRefetches", state.linkRefetches());
        }
        runs.recordPhase(runId, state.startedAt(), state.tally().phase("extract cxone:" + window.tenantId() + " "
                + window.period(), details));
        runs.recordInput(runId, "cxone-extraction", window.tenantId() + "/" + window.period(), checksum);
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}
