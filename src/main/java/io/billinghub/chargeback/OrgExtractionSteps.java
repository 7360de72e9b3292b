package io.billinghub.chargeback;

import io.billinghub.cluster.WorkClaims;
import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.extraction.org.OrgPage;
import io.billinghub.platform.Checksums;
import io.billinghub.platform.HubExchange;
import io.billinghub.platform.http.VendorApiSteps;
import io.billinghub.runs.PhaseCounts;
import io.billinghub.runs.RunRegistry;
import io.billinghub.runs.RunSteps;
import java.time.Clock;
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
    private final Clock clock;

    public OrgExtractionSteps(OrgTenants tenants, OrgSnapshotStore store, ExceptionQueue exceptions, RunRegistry runs,
                              RunSteps runSteps, WorkClaims claims, ChargebackProperties properties, Clock clock) {
        this.tenants = tenants;
        this.store = store;
        this.exceptions = exceptions;
        this.runs = runs;
        this.runSteps = runSteps;
        this.claims = claims;
        this.properties = properties;
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
        store.begin(extractionId, runId, period, ref.vendor(), ref.id(), snapshot);
        exchange.setProperty(HubExchange.SOURCE, ref.vendor() + " organisation " + ref.id());
        exchange.setProperty(HubExchange.FAILURE_TYPE, "DEAD_LETTER");
        exchange.setProperty(STATE, new OrgExtractionState(tenants.endpoint(ref), extractionId, period, snapshot,
                clock.instant(), properties.pageSize()));
    }

    public void preparePage(Exchange exchange) {
        OrgExtractionState state = state(exchange);
        OrgTenants.Endpoint endpoint = state.endpoint();
        exchange.setProperty(HubExchange.SOURCE_POSITION, state.resource() + " page " + state.pageNumber());
        VendorApiSteps.prepare(exchange, endpoint.client(), endpoint.requestsPerSecond(), "GET", state.nextUri(),
                null, endpoint.ref().vendor() + " " + state.resource() + " page " + state.pageNumber());
    }

    public void stagePage(Exchange exchange) {
        OrgExtractionState state = state(exchange);
        OrgTenants.Endpoint endpoint = state.endpoint();
        OrgPage page = endpoint.adapter().parse(endpoint.baseUrl(), state.resource(),
                exchange.getIn().getBody(String.class), state.snapshot(), properties.pageSize(), state.pageNumber());
        store.stage(state.extractionId(), state.resource(), page.records());
        String source = endpoint.ref().vendor() + " " + endpoint.ref().id() + " " + state.resource();
        for (RejectedRecord rejected : page.rejected()) {
            exceptions.raise(rejected.toCase(ExceptionType.ORG_RECORD_REJECTED, ChargebackProperties.PIPELINE, source)
                    .run(exchange.getProperty(HubExchange.RUN_ID, String.class),
                            exchange.getProperty(HubExchange.CORRELATION_ID, String.class))
                    .dedupeKey(state.extractionId().substring(0, state.extractionId().lastIndexOf('/')) + " "
                            + state.resource() + " " + Checksums.sha256(rejected.raw())).build());
        }
        state.pageDone(page.nextUri().orElse(null), page.records().size() + page.rejected().size(),
                page.records().size(), page.rejected().size(), properties.pageSize());
    }

    public void finish(Exchange exchange) {
        OrgExtractionState state = state(exchange);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("extractionId", state.extractionId());
        details.put("snapshotAt", state.snapshot().toString());
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
