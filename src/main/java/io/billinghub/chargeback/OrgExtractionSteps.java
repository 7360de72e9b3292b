package io.billinghub.chargeback;

import io.billinghub.cluster.WorkClaims;
import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.exceptions.NewException;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.extraction.org.CxonePublishedOrgProperties;
import io.billinghub.extraction.org.GenesysPublishedProperties;
import io.billinghub.extraction.org.OrgPage;
import io.billinghub.extraction.org.OrgRequest;
import io.billinghub.platform.Checksums;
import io.billinghub.platform.HubExchange;
import io.billinghub.platform.Sleeper;
import io.billinghub.platform.http.VendorApiSteps;
import io.billinghub.runs.PhaseCounts;
import io.billinghub.runs.RunRegistry;
import io.billinghub.runs.RunSteps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Route steps of one tenant's organisation extraction (routes/chargeback.camel.yaml): every resource, page after
 * page, as of one snapshot instant, the end of the billing cycle (the first instant of the next month). Records are
 * staged as they come; bad ones go to the exception queue with their position and text; the extraction is
 * COMPLETE only after the last page of the last resource.
 */
@Component("orgExtractionSteps")
public class OrgExtractionSteps {

    static final String STATE = "hubOrgState";

    private final OrgTenants tenants;
    private final OrgSnapshotStore store;
    private final ExceptionQueue exceptions;
    private final RunRegistry runs;
    private final RunSteps runSteps;
    private final WorkClaims claims;
    private final ChargebackProperties properties;
    private final GenesysPublishedProperties published;
    private final CxonePublishedOrgProperties cxonePublished;
    private final Sleeper sleeper;
    private final Clock clock;

    public OrgExtractionSteps(OrgTenants tenants, OrgSnapshotStore store, ExceptionQueue exceptions, RunRegistry runs,
                              RunSteps runSteps, WorkClaims claims, ChargebackProperties properties,
                              GenesysPublishedProperties published, CxonePublishedOrgProperties cxonePublished,
                              Sleeper sleeper, Clock clock) {
        this.tenants = tenants;
        this.store = store;
        this.exceptions = exceptions;
        this.runs = runs;
        this.runSteps = runSteps;
        this.claims = claims;
        this.properties = properties;
        this.published = published;
        this.cxonePublished = cxonePublished;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** The snapshot instant of a period: the end of its billing cycle. */
    public static Instant snapshotOf(YearMonth period) {
        return period.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The body is the tenant (vendor and id); the exchange carries the period. */
    public void begin(Exchange exchange) {
        ChargebackProperties.TenantRef ref = exchange.getIn().getBody(ChargebackProperties.TenantRef.class);
        YearMonth period = YearMonth.parse(exchange.getProperty(HubExchange.PERIOD, String.class));
        String runId = runSteps.ensure(exchange, ChargebackProperties.PIPELINE);
        claims.claim(exchange, "org-snapshot:" + ref.vendor() + ":" + ref.id() + ":" + period);
        String extractionId = period + "/" + ref.vendor() + "/" + ref.id() + "/" + runId;
        Instant snapshot = snapshotOf(period);
        Instant now = clock.instant();
        OrgTenants.Endpoint endpoint = tenants.endpoint(ref);
        boolean current = !endpoint.adapter().historical();
        store.begin(extractionId, runId, period, ref.vendor(), ref.id(), snapshot, current ? now : null);
        exchange.setProperty(HubExchange.SOURCE, ref.vendor() + " organisation " + ref.id());
        exchange.setProperty(HubExchange.FAILURE_TYPE, "DEAD_LETTER");
        exchange.setProperty(STATE, new OrgExtractionState(endpoint, extractionId, period, snapshot, now,
                properties.pageSize()));
        if (current) {
            flagCurrentState(exchange, ref, period, snapshot, now);
        }
    }

    /**
     * An API without history gives the state at the instant it is read, which stands for the end of the cycle only
     * when read soon after it: an extraction before the end of the cycle or more than the grace after it (a re-run
     * weeks later) is raised for review, with both instants, and the chargeback goes on with the state read.
     */
    private void flagCurrentState(Exchange exchange, ChargebackProperties.TenantRef ref, YearMonth period,
                                  Instant snapshot, Instant now) {
        Duration grace = "cxone".equals(ref.vendor()) ? cxonePublished.currentStateGrace()
                : published.currentStateGrace();
        if (!now.isBefore(snapshot) && !now.isAfter(snapshot.plus(grace))) {
            return;
        }
        String when = now.isBefore(snapshot) ? "before the end of the cycle" : Duration.between(snapshot, now)
                .toHours() + " h after the end of the cycle (grace " + grace.toHours() + " h)";
        exceptions.raise(NewException.of(ExceptionType.CHARGEBACK_REFERENCE, "the " + period + " organisation of "
                        + ref.vendor() + " " + ref.id() + " is read from the current state at " + now + ", " + when
                        + ": users, licences and attributes may differ from their state at " + snapshot)
                .pipeline(ChargebackProperties.PIPELINE).source(ref.vendor() + " organisation " + ref.id(),
                        "state observed " + now)
                .run(exchange.getProperty(HubExchange.RUN_ID, String.class),
                        exchange.getProperty(HubExchange.CORRELATION_ID, String.class))
                .dedupeKey(period + " CURRENT_STATE " + ref.vendor() + " " + ref.id() + " " + now)
                .context("period", period.toString()).build());
    }

    public void preparePage(Exchange exchange) throws InterruptedException {
        OrgExtractionState state = state(exchange);
        OrgTenants.Endpoint endpoint = state.endpoint();
        OrgRequest request = state.request().orElseThrow();
        if (!request.delay().isZero()) {
            // a report still being generated: the same request again after the backoff
            sleeper.sleep(request.delay());
        }
        exchange.setProperty(HubExchange.SOURCE_POSITION, state.resource() + " page " + state.pageNumber());
        VendorApiSteps.prepare(exchange, endpoint.client(), endpoint.requestsPerSecond(), request.method(),
                request.uri(), request.body(), endpoint.ref().vendor() + " " + state.resource() + " page "
                        + state.pageNumber());
        if (request.notFoundIsAnswer()) {
            VendorApiSteps.acceptNotFound(exchange);
        }
    }

    public void stagePage(Exchange exchange) {
        OrgExtractionState state = state(exchange);
        OrgTenants.Endpoint endpoint = state.endpoint();
        Integer status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        OrgPage page = state.cursor().accept(status == null ? 200 : status, exchange.getIn().getBody(String.class));
        store.stage(state.extractionId(), state.resource(), page.records());
        String source = endpoint.ref().vendor() + " " + endpoint.ref().id() + " " + state.resource();
        for (RejectedRecord rejected : page.rejected()) {
            exceptions.raise(rejected.toCase(ExceptionType.ORG_RECORD_REJECTED, ChargebackProperties.PIPELINE, source)
                    .run(exchange.getProperty(HubExchange.RUN_ID, String.class),
                            exchange.getProperty(HubExchange.CORRELATION_ID, String.class))
                    .dedupeKey(state.extractionId().substring(0, state.extractionId().lastIndexOf('/')) + " "
                            + state.resource() + " " + Checksums.sha256(rejected.raw())).build());
        }
        state.pageDone(page.records().size() + page.rejected().size(),
                page.records().size(), page.rejected().size(), properties.pageSize());
    }

    public void finish(Exchange exchange) {
        OrgExtractionState state = state(exchange);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("extractionId", state.extractionId());
        details.put("snapshotAt", state.snapshot().toString());
        if (!state.endpoint().adapter().historical()) {
            details.put("stateObservedAt", state.started().toString());
        }
        details.put("records", state.perResource());
        store.complete(state.extractionId(), state.recordsIn(), state.accepted(), state.rejected(),
                state.perResource());
        runs.recordPhase(exchange.getProperty(HubExchange.RUN_ID, String.class), state.started(),
                PhaseCounts.input("extract " + state.endpoint().ref().vendor() + " " + state.endpoint().ref().id(),
                        state.recordsIn(), state.accepted(), state.rejected(), details));
    }

    private static OrgExtractionState state(Exchange exchange) {
        return exchange.getProperty(STATE, OrgExtractionState.class);
    }
}
