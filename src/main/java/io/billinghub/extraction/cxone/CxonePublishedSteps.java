package io.billinghub.extraction.cxone;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.cluster.WorkClaims;
import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.extraction.UsageStaging;
import io.billinghub.platform.Checksums;
import io.billinghub.platform.HubExchange;
import io.billinghub.platform.SqlTime;
import io.billinghub.platform.http.VendorApiSteps;
import io.billinghub.referencedata.cxone.ActiveCxoneUsageRates;
import io.billinghub.runs.RunRegistry;
import io.billinghub.runs.RunSteps;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

    private final CxoneProperties properties;
    private final CxoneApiDiscovery discovery;
    private final ActiveCxoneUsageRates rates;
    private final CxoneStaging staging;
    private final ExceptionQueue exceptions;
    private final RunRegistry runs;
    private final RunSteps runSteps;
    private final WorkClaims claims;
    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public CxonePublishedSteps(CxoneProperties properties, CxoneApiDiscovery discovery, ActiveCxoneUsageRates rates,
                               CxoneStaging staging, ExceptionQueue exceptions, RunRegistry runs, RunSteps runSteps,
                               WorkClaims claims, NamedParameterJdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.discovery = discovery;
        this.rates = rates;
        this.staging = staging;
        this.exceptions = exceptions;
        this.runs = runs;
        this.runSteps = runSteps;
        this.claims = claims;
        this.jdbc = jdbc;
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
                properties.pageSize(), clock.instant()));
    }

    /** The next page: the previous page's _links.next, or top/skip over [startDate, endDate] of the window. */
    public void preparePage(Exchange exchange) {
        CxonePublishedState state = exchange.getProperty(STATE, CxonePublishedState.class);
        CxoneProperties.Tenant tenant = properties.tenant(state.window().tenantId());
        String uri = state.nextLink() != null ? state.nextLink() : state.apiEndpoint() + "/inContactAPI/services/v"
                + tenant.servicesVersion() + "/contacts/completed?startDate=" + encode(state.window().start())
                + "&endDate=" + encode(state.window().inclusiveEnd()) + "&top=" + state.top() + "&skip="
                + state.skip();
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
        String tenantId = state.window().tenantId();
        CxoneProperties.Tenant tenant = properties.tenant(tenantId);
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        CxoneContactPage page = new CxoneContactMapper(json, tenant.reportingTimeZone(), rates.require().rates())
                .parse(body, tenantId, state.extractionId(), state.pages() + 1);
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

    /** Records the extraction with the checksum of its staged lines: the input of every later phase. */
    public void finish(Exchange exchange) {
        CxonePublishedState state = exchange.getProperty(STATE, CxonePublishedState.class);
        ReportWindow window = state.window();
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        String checksum = staging.checksum(window.tenantId(), state.extractionId());
        jdbc.update("""
                insert into cxone_extraction (tenant_id, period, window_start, window_end, report_id, pages, lines,
                    checksum, extracted_at, run_id)
                values (:tenant, :period, :from, :to, :report, :pages, :lines, :checksum, :at, :run)""",
                new MapSqlParameterSource("tenant", window.tenantId()).addValue("period", window.period().toString())
                        .addValue("from", SqlTime.utc(window.start()))
                        .addValue("to", SqlTime.utc(window.end()))
                        .addValue("report", state.extractionId()).addValue("pages", state.pages())
                        .addValue("lines", state.tally().recordsIn()).addValue("checksum", checksum)
                        .addValue("at", SqlTime.utc(clock.instant())).addValue("run", runId));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("connector", "PUBLISHED");
        details.put("extraction", state.extractionId());
        details.put("pages", state.pages());
        details.put("contacts", state.contacts());
        runs.recordPhase(runId, state.startedAt(), state.tally().phase("extract cxone:" + window.tenantId() + " "
                + window.period(), details));
        runs.recordInput(runId, "cxone-extraction", window.tenantId() + "/" + window.period(), checksum);
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}
