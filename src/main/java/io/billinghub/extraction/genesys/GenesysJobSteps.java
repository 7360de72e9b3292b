package io.billinghub.extraction.genesys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.extraction.ExtractionSteps;
import io.billinghub.extraction.ExtractionWindow;
import io.billinghub.extraction.JsonFields;
import io.billinghub.extraction.ReportPolling;
import io.billinghub.extraction.ReportTimeoutException;
import io.billinghub.extraction.TelephonyProperties;
import io.billinghub.extraction.UsageStaging;
import io.billinghub.extraction.WindowProgress;
import io.billinghub.platform.HubExchange;
import io.billinghub.platform.Sleeper;
import io.billinghub.platform.http.VendorApiSteps;
import io.billinghub.referencedata.ActiveTelephonyReference;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Route steps of the published Genesys Cloud connector (route genesys-extract-window): the data availability date,
 * an analytics conversation details job over the window's voice conversations, its status polled with backoff, and
 * its results paged by cursor, every conversation mapped to canonical legs and staged like the document connector's.
 *
 * <p>Data availability: the job reads the window only up to {@code dataAvailabilityDate}; a window ending after it
 * is extracted as far as it is available, never recorded SETTLED, and read again on the next ticks (a window wholly
 * after it submits no job). FAILED and CANCELLED end the window with a GENESYS_JOB_FAILED case (replayable: the
 * replay submits a new job); EXPIRED submits a new job (up to the configured number of submissions). A job returns
 * every conversation with activity in its interval: one across midnight is read with both days and staged once.
 */
@Component("genesysJobSteps")
public class GenesysJobSteps {

    static final String STATE = "hubGenesysJob";
    private static final String JOBS = "/api/v2/analytics/conversations/details/jobs";
    private static final Logger LOG = LoggerFactory.getLogger(GenesysJobSteps.class);

    private final TelephonyProperties properties;
    private final ExtractionSteps extraction;
    private final ActiveTelephonyReference reference;
    private final ObjectMapper json;
    private final Sleeper sleeper;
    private final Clock clock;
    private final ReportPolling polling;

    public GenesysJobSteps(TelephonyProperties properties, ExtractionSteps extraction,
                           ActiveTelephonyReference reference, ObjectMapper json, Sleeper sleeper, Clock clock) {
        this.properties = properties;
        this.extraction = extraction;
        this.reference = reference;
        this.json = json;
        this.sleeper = sleeper;
        this.clock = clock;
        TelephonyProperties.GenesysJobs jobs = properties.genesysJobs();
        this.polling = new ReportPolling(jobs.pollInitialDelay(), jobs.pollMaxDelay(), jobs.pollJitter(),
                jobs.jobTimeout(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** After beginWindow: asks how far Genesys holds complete analytics data. */
    public void prepareAvailability(Exchange exchange) {
        exchange.setProperty(STATE, new GenesysJobState());
        TelephonyProperties.Tenant tenant = tenant(exchange);
        VendorApiSteps.prepare(exchange, tenant.oauthClient(), tenant.requestsPerSecond(), "GET",
                tenant.baseUrl() + JOBS + "/availability", null,
                "Genesys analytics data availability of tenant " + tenant.id());
    }

    public void available(Exchange exchange) {
        ExtractionWindow window = window(exchange);
        JsonNode answer = read(exchange, "the data availability answer");
        Instant until;
        try {
            until = JsonFields.instant(answer, "dataAvailabilityDate");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Genesys data availability answer: " + e.getMessage());
        }
        state(exchange).available(window.start(), window.end(), until);
        exchange.getProperty(ExtractionSteps.PROGRESS, WindowProgress.class).dataAvailableUntil(until);
        if (until.isBefore(window.end())) {
            LOG.info("Genesys analytics data of tenant {} is available up to {}: window {}/{} is read up to there"
                    + " and stays unsettled", window.tenantId(), until, window.start(), window.end());
        }
    }

    /** The job: the window's (available) interval, voice conversations, oldest first. */
    public void prepareSubmit(Exchange exchange) throws JsonProcessingException {
        ExtractionWindow window = window(exchange);
        GenesysJobState state = state(exchange);
        TelephonyProperties.Tenant tenant = tenant(exchange);
        if (state.submissions() >= properties.genesysJobs().maxSubmissions()) {
            exchange.setProperty(HubExchange.FAILURE_TYPE, ExceptionType.GENESYS_JOB_FAILED.name());
            throw new IllegalStateException("Genesys analytics jobs for " + window.start() + "/" + window.end()
                    + " expired " + state.submissions() + " times before their results could be read");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("interval", window.start() + "/" + state.intervalEnd());
        body.put("order", "asc");
        body.put("orderBy", "conversationStart");
        body.put("segmentFilters", List.of(Map.of("type", "and", "predicates", List.of(Map.of(
                "type", "dimension", "dimension", "mediaType", "operator", "matches", "value", "voice")))));
        VendorApiSteps.prepare(exchange, tenant.oauthClient(), tenant.requestsPerSecond(), "POST",
                tenant.baseUrl() + JOBS, json.writeValueAsString(body),
                "Genesys conversation details job of tenant " + tenant.id() + " for " + window.start() + "/"
                        + state.intervalEnd());
    }

    public void submitted(Exchange exchange) {
        JsonNode answer = read(exchange, "the job submission answer");
        String jobId = answer.path("jobId").isTextual() ? answer.path("jobId").asText() : null;
        if (jobId == null || jobId.isBlank()) {
            throw new IllegalStateException("Genesys accepted the conversation details job without a jobId: "
                    + answer);
        }
        state(exchange).submitted(jobId, clock.instant());
    }

    /** Waits before the next status request (backoff with jitter); a job pending past the limit ends the window. */
    public void waitBeforePoll(Exchange exchange) throws InterruptedException {
        GenesysJobState state = state(exchange);
        checkTimeout(exchange, state);
        sleeper.sleep(polling.delayBefore(state.polls() + 1));
        checkTimeout(exchange, state);
    }

    public void preparePoll(Exchange exchange) {
        GenesysJobState state = state(exchange);
        TelephonyProperties.Tenant tenant = tenant(exchange);
        VendorApiSteps.prepare(exchange, tenant.oauthClient(), tenant.requestsPerSecond(), "GET",
                tenant.baseUrl() + JOBS + "/" + state.jobId(), null,
                "Genesys conversation details job " + state.jobId() + " status");
    }

    /** Records the job's state; an EXPIRED job is replaced by a new one on the next loop. */
    public void polled(Exchange exchange) {
        GenesysJobState state = state(exchange);
        JsonNode answer = read(exchange, "the job status answer");
        String jobState = answer.path("state").asText("UNKNOWN");
        state.polled(jobState, answer.path("errorMessage").isTextual() ? answer.path("errorMessage").asText() : null);
        if ("EXPIRED".equals(jobState)) {
            LOG.info("Genesys conversation details job {} expired before its results were read: submitting a new"
                    + " one", state.jobId());
            state.expired();
        }
    }

    /** Anything but FULFILLED (FAILED, CANCELLED, a state Genesys does not document) ends the window as a case. */
    public void requireFulfilled(Exchange exchange) {
        GenesysJobState state = state(exchange);
        if (!state.nothingAvailable() && !"FULFILLED".equals(state.state())) {
            ExtractionWindow window = window(exchange);
            exchange.setProperty(HubExchange.FAILURE_TYPE, ExceptionType.GENESYS_JOB_FAILED.name());
            throw new IllegalStateException("Genesys conversation details job " + state.jobId() + " for "
                    + window.start() + "/" + window.end() + " ended " + state.state()
                    + (state.errorMessage() == null ? "" : " (" + state.errorMessage() + ")") + " after "
                    + state.polls() + " status requests; replay this case to submit a new job");
        }
    }

    public void preparePage(Exchange exchange) {
        GenesysJobState state = state(exchange);
        TelephonyProperties.Tenant tenant = tenant(exchange);
        WindowProgress progress = exchange.getProperty(ExtractionSteps.PROGRESS, WindowProgress.class);
        String uri = tenant.baseUrl() + JOBS + "/" + state.jobId() + "/results?pageSize="
                + properties.genesysJobs().resultsPageSize() + (state.cursor() == null ? ""
                : "&cursor=" + URLEncoder.encode(state.cursor(), StandardCharsets.UTF_8));
        VendorApiSteps.prepare(exchange, tenant.oauthClient(), tenant.requestsPerSecond(), "GET", uri, null,
                "Genesys conversation details job " + state.jobId() + " results page " + progress.page());
    }

    /** Maps and stages one results page; a retried or repeated page stages nothing twice (upsert on legId). */
    public void stagePage(Exchange exchange) {
        GenesysJobState state = state(exchange);
        WindowProgress progress = exchange.getProperty(ExtractionSteps.PROGRESS, WindowProgress.class);
        ConversationLegMapper mapper = new ConversationLegMapper(reference.require().edgeCarriers());
        ConversationResults results = ConversationResults.parse(json, exchange.getIn().getBody(String.class), mapper,
                window(exchange).tenantId(), state.jobId(), progress.page());
        UsageStaging.StageCounts counts = extraction.stage(exchange, results.page());
        progress.addCursorPage(results.conversations(), results.cursor() != null, results.page(), counts);
        state.page(results.cursor());
    }

    private void checkTimeout(Exchange exchange, GenesysJobState state) {
        if (polling.timedOut(state.submittedAt(), clock.instant())) {
            ExtractionWindow window = window(exchange);
            exchange.setProperty(HubExchange.FAILURE_TYPE, ExceptionType.GENESYS_JOB_TIMEOUT.name());
            throw new ReportTimeoutException("Genesys conversation details job " + state.jobId() + " for "
                    + window.start() + "/" + window.end() + " is still " + state.state() + " after "
                    + polling.timeout().toMinutes() + " minutes (" + state.polls() + " status requests); replay"
                    + " this case later to submit a new job");
        }
    }

    private JsonNode read(Exchange exchange, String what) {
        try {
            JsonNode answer = json.readTree(exchange.getIn().getBody(String.class));
            if (answer == null || !answer.isObject()) {
                throw new IllegalStateException("Genesys answered " + what + " with something other than an object");
            }
            return answer;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Genesys answered " + what + " with invalid JSON: "
                    + e.getOriginalMessage());
        }
    }

    private static ExtractionWindow window(Exchange exchange) {
        return exchange.getProperty(ExtractionSteps.WINDOW, ExtractionWindow.class);
    }

    private TelephonyProperties.Tenant tenant(Exchange exchange) {
        return properties.tenant(window(exchange).tenantId());
    }

    private static GenesysJobState state(Exchange exchange) {
        return exchange.getProperty(STATE, GenesysJobState.class);
    }
}
