package io.billinghub.extraction;

import io.billinghub.cluster.WorkClaims;
import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.platform.Checksums;
import io.billinghub.platform.HubExchange;
import io.billinghub.platform.http.VendorApiSteps;
import io.billinghub.runs.RunRegistry;
import io.billinghub.runs.RunSteps;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.springframework.stereotype.Component;

/**
 * Route steps of usage extraction (routes/telephony-extraction.camel.yaml): plan windows, page through a window
 * under the tenant's request budget, stage each page, and record the window in the run.
 */
@Component("extractionSteps")
public class ExtractionSteps {

    public static final String PIPELINE = "telephony-extraction";
    public static final String WINDOW = "hubWindow";
    public static final String PROGRESS = "hubWindowProgress";

    private final TelephonyProperties properties;
    private final Map<String, TelephonyUsageAdapter> adapters;
    private final ExtractionPlanner planner;
    private final ExtractionWindows windows;
    private final UsageStaging staging;
    private final ExceptionQueue exceptions;
    private final RunRegistry runs;
    private final RunSteps runSteps;
    private final WorkClaims claims;
    private final Clock clock;

    public ExtractionSteps(TelephonyProperties properties, List<TelephonyUsageAdapter> adapters,
                           ExtractionPlanner planner, ExtractionWindows windows, UsageStaging staging,
                           ExceptionQueue exceptions, RunRegistry runs,
                           RunSteps runSteps, WorkClaims claims, Clock clock) {
        this.properties = properties;
        this.adapters = adapters.stream().collect(Collectors.toMap(TelephonyUsageAdapter::vendor,
                Function.identity()));
        this.planner = planner;
        this.windows = windows;
        this.staging = staging;
        this.exceptions = exceptions;
        this.runs = runs;
        this.runSteps = runSteps;
        this.claims = claims;
        this.clock = clock;
    }

    /** Opens the scheduled extraction run; the body becomes the windows to extract. */
    public List<ExtractionWindow> scheduledWindows(Exchange exchange) {
        exchange.setProperty(HubExchange.PERIOD, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString());
        runSteps.ensure(exchange, PIPELINE);
        return planner.scheduledWindows();
    }


    /** Starts paging one window (the body); a window replayed on its own gets a run of its own. */
    public void beginWindow(Exchange exchange) throws InvalidPayloadException {
        ExtractionWindow window = exchange.getIn().getMandatoryBody(ExtractionWindow.class);
        runSteps.ensure(exchange, PIPELINE);
        claims.claim(exchange, "telephony-window:" + window.tenantId() + ":" + window.start());
        TelephonyProperties.Tenant tenant = properties.tenant(window.tenantId());
        exchange.setProperty(WINDOW, window);
        exchange.setProperty(PROGRESS, new WindowProgress(clock.instant()));
        exchange.setProperty(HubExchange.SOURCE, tenant.vendor() + ":" + tenant.id());
        exchange.setProperty(HubExchange.SOURCE_POSITION, window.start() + "/" + window.end());
    }

    /** Sets up the request for the next page; the shared vendor call adds throttling, token and retries. */
    public void preparePageRequest(Exchange exchange) {
        ExtractionWindow window = exchange.getProperty(WINDOW, ExtractionWindow.class);
        WindowProgress progress = exchange.getProperty(PROGRESS, WindowProgress.class);
        TelephonyProperties.Tenant tenant = properties.tenant(window.tenantId());
        VendorApiSteps.prepare(exchange, tenant.oauthClient(), tenant.requestsPerSecond(), "GET",
                adapter(tenant).pageUri(tenant, window, progress.page(), properties.pageSize()).toString(), null,
                "usage API of tenant " + tenant.id() + " (page " + progress.page() + " of " + window.start() + "/"
                        + window.end() + ")");
    }

    /** Whether the body's window belongs to a tenant read through the vendor's published API. */
    public boolean publishedConnector(Exchange exchange) throws InvalidPayloadException {
        ExtractionWindow window = exchange.getIn().getMandatoryBody(ExtractionWindow.class);
        return properties.tenant(window.tenantId()).connector() == TelephonyProperties.Connector.PUBLISHED;
    }

    /** Maps and stages one page; unmappable records go to the exception queue with their position. */
    public void stagePage(Exchange exchange) {
        WindowProgress progress = exchange.getProperty(PROGRESS, WindowProgress.class);
        TelephonyProperties.Tenant tenant = properties.tenant(exchange.getProperty(WINDOW, ExtractionWindow.class)
                .tenantId());
        UsagePage page = adapter(tenant).parse(exchange.getIn().getBody(String.class), tenant.id(), progress.page());
        progress.add(page, stage(exchange, page));
    }

    /**
     * Stages the legs of a mapped page of the exchange's window (upserted on legId, so a page read twice counts
     * once) and raises its rejected records, each once, in the exception queue.
     */
    public UsageStaging.StageCounts stage(Exchange exchange, UsagePage page) {
        ExtractionWindow window = exchange.getProperty(WINDOW, ExtractionWindow.class);
        TelephonyProperties.Tenant tenant = properties.tenant(window.tenantId());
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        UsageStaging.StageCounts counts = staging.upsert(page.legs(), runId, clock.instant());
        for (RejectedRecord rejected : page.rejected()) {
            exceptions.raise(rejected.toCase(ExceptionType.MALFORMED_RECORD, PIPELINE,
                            tenant.vendor() + ":" + tenant.id() + " " + window.start() + "/" + window.end())
                    .run(runId, exchange.getProperty(HubExchange.CORRELATION_ID, String.class))
                    // the same record comes back on every re-extraction of its window: one case per record
                    .dedupeKey("record|" + tenant.id() + "|" + Checksums.sha256(rejected.raw()))
                    .build());
        }
        return counts;
    }

    /** Records the window: its staged checksum, whether it has settled, and the phase counts. */
    public void finishWindow(Exchange exchange) {
        ExtractionWindow window = exchange.getProperty(WINDOW, ExtractionWindow.class);
        WindowProgress progress = exchange.getProperty(PROGRESS, WindowProgress.class);
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        Instant now = clock.instant();
        String checksum = windows.stagedChecksum(window);
        // a window the vendor had not fully made available yet is read again on a later tick
        windows.record(window, planner.settled(window, now) && progress.complete(window), progress.pagesRead(),
                Math.toIntExact(progress.tally().recordsIn()), checksum, now, runId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tenant", window.tenantId());
        details.put("window", window.start() + "/" + window.end());
        details.put("pages", progress.pagesRead());
        runs.recordPhase(runId, progress.startedAt(), progress.tally().phase("extract " + window.tenantId() + " "
                + LocalDate.ofInstant(window.start(), ZoneOffset.UTC), details));
        runs.recordInput(runId, "usage-window", window.tenantId() + "/" + window.start() + "/" + window.end(),
                checksum);
    }

    private TelephonyUsageAdapter adapter(TelephonyProperties.Tenant tenant) {
        TelephonyUsageAdapter adapter = adapters.get(tenant.vendor());
        if (adapter == null) {
            throw new IllegalStateException("tenant " + tenant.id() + " names vendor '" + tenant.vendor()
                    + "', which has no usage adapter (known: " + adapters.keySet() + ")");
        }
        return adapter;
    }
}
