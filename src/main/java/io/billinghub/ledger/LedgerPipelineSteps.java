package io.billinghub.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.erp.CxoneJournalBatcher;
import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.extraction.cxone.CxoneExtraction;
import io.billinghub.extraction.cxone.CxoneProperties;
import io.billinghub.normalisation.CxoneTransformService;
import io.billinghub.platform.HubExchange;
import io.billinghub.platform.http.VendorApiSteps;
import io.billinghub.referencedata.ledger.ActiveLedgerReference;
import io.billinghub.runs.PhaseCounts;
import io.billinghub.runs.RunRegistry;
import io.billinghub.runs.RunSteps;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Route steps of the CXone GL reconciliation (routes/cxone.camel.yaml): a period run extracts each tenant's usage,
 * transforms it from staging, takes the invoice (API or file), reconciles, and, once the period is final, posts
 * the GL journal.
 */
@Component("ledgerSteps")
public class LedgerPipelineSteps {

    public static final String EXTRACT = HubExchange.EXTRACT;
    public static final String CLOSE = HubExchange.CLOSE;
    static final String FINAL = "hubCxoneFinal";
    private static final Logger LOG = LoggerFactory.getLogger(LedgerPipelineSteps.class);

    private final CxoneProperties properties;
    private final CxoneTransformService transform;
    private final LedgerReconciliationService reconciliation;
    private final CxoneInvoices invoices;
    private final FinalisationPolicy finalisation;
    private final CxoneJournalBatcher journal;
    private final ActiveLedgerReference ledger;
    private final ExceptionQueue exceptions;
    private final RunSteps runSteps;
    private final RunRegistry runs;
    private final NamedParameterJdbcTemplate jdbc;
    private final CxoneInvoiceParser parser;
    private final Clock clock;
    private final boolean invoiceFromApi;

    public LedgerPipelineSteps(CxoneProperties properties, CxoneTransformService transform,
                               LedgerReconciliationService reconciliation, CxoneInvoices invoices,
                               FinalisationPolicy finalisation, CxoneJournalBatcher journal,
                               ActiveLedgerReference ledger, ExceptionQueue exceptions, RunSteps runSteps,
                               RunRegistry runs, NamedParameterJdbcTemplate jdbc, ObjectMapper json, Clock clock,
                               @Value("${hub.cxone.invoice-source}") String invoiceSource,
                               @Value("${hub.currency}") String baseCurrency) {
        this.properties = properties;
        this.transform = transform;
        this.reconciliation = reconciliation;
        this.invoices = invoices;
        this.finalisation = finalisation;
        this.journal = journal;
        this.ledger = ledger;
        this.exceptions = exceptions;
        this.runSteps = runSteps;
        this.runs = runs;
        this.jdbc = jdbc;
        this.parser = new CxoneInvoiceParser(json, baseCurrency);
        this.clock = clock;
        this.invoiceFromApi = "API".equalsIgnoreCase(invoiceSource);
    }

    /** Opens (or joins) the period run; the body becomes the extractions to run (none for a re-transform). */
    public List<CxoneExtraction> beginPeriod(Exchange exchange) {
        YearMonth period = period(exchange);
        exchange.setProperty(HubExchange.PERIOD, period.toString());
        runSteps.ensure(exchange, CxoneProperties.PIPELINE);
        runs.recordInput(exchange.getProperty(HubExchange.RUN_ID, String.class), "reference-version", "ledger",
                referenceChecksum());
        if (!exchange.getProperty(EXTRACT, true, Boolean.class)) {
            return List.of();
        }
        return properties.tenants().stream().map(t -> new CxoneExtraction(t.id(), period)).toList();
    }

    /**
     * True when a tenant's extraction of this run went to the exception queue (report timed out or failed): the
     * run ends there, failed, rather than reconciling and posting a partial month.
     */
    public boolean extractionFailed(Exchange exchange) {
        if (!exchange.getProperty(EXTRACT, true, Boolean.class)) {
            return false;
        }
        YearMonth period = period(exchange);
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        List<String> missing = new ArrayList<>();
        for (CxoneProperties.Tenant tenant : properties.tenants()) {
            Integer done = jdbc.queryForObject("""
                    select count(*) from cxone_extraction where tenant_id = :tenant and period = :period
                      and run_id = :run""", new MapSqlParameterSource("tenant", tenant.id())
                    .addValue("period", period.toString()).addValue("run", runId), Integer.class);
            if (done == null || done == 0) {
                missing.add(tenant.id());
            }
        }
        if (missing.isEmpty()) {
            return false;
        }
        runs.fail(runId, "the " + period + " usage of " + String.join(", ", missing) + " was not extracted (see"
                + " the exception queue); nothing was reconciled or posted: run the period again once the case is"
                + " resolved");
        return true;
    }

    /** Normalises every tenant's staged lines of the period (from staging: no call to CXone). */
    public void transform(Exchange exchange) {
        YearMonth period = period(exchange);
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        for (CxoneProperties.Tenant tenant : properties.tenants()) {
            Instant started = clock.instant();
            CxoneTransformService.Outcome outcome = transform.transform(tenant.id(), period, runId,
                    exchange.getProperty(HubExchange.CORRELATION_ID, String.class));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("findings", outcome.findings());
            details.put("glAmount", outcome.glAmount().toPlainString());
            details.put("glAmountBasis", properties.glAmountBasis().name());
            details.put("referenceVersion", outcome.referenceVersionId());
            runs.recordPhase(runId, started, PhaseCounts.step("transform cxone:" + tenant.id() + " " + period,
                    outcome.lines(), outcome.normalised(), outcome.rejected(), details));
        }
    }

    /**
     * The invoices to ask the billing API for (none when invoices arrive as files). NICE publishes no invoice API:
     * a PUBLISHED tenant's invoice comes only as the CSV finance drops.
     */
    public List<CxoneExtraction> invoiceRequests(Exchange exchange) {
        YearMonth period = period(exchange);
        return invoiceFromApi ? properties.tenants().stream().filter(t -> !t.published())
                .map(t -> new CxoneExtraction(t.id(), period)).toList() : List.of();
    }

    public void prepareInvoiceFetch(Exchange exchange) throws InvalidPayloadException {
        CxoneExtraction request = exchange.getIn().getMandatoryBody(CxoneExtraction.class);
        CxoneProperties.Tenant tenant = properties.tenant(request.tenantId());
        exchange.setProperty("hubInvoiceRequest", request);
        VendorApiSteps.prepare(exchange, tenant.oauthClient(), tenant.requestsPerSecond(), "GET",
                tenant.baseUrl() + "/api/v2/billing/invoices?billingPeriod=" + request.period(), null,
                "CXone invoice of tenant " + tenant.id() + " for " + request.period());
        VendorApiSteps.acceptNotFound(exchange);
    }

    /** Stores the invoice the API returned; an invoice not issued yet (404) leaves the period unreconciled. */
    public void invoiceFetched(Exchange exchange) {
        CxoneExtraction request = exchange.getProperty("hubInvoiceRequest", CxoneExtraction.class);
        if (Integer.valueOf(404).equals(exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE))) {
            LOG.info("CXone has not issued the {} invoice of tenant {} yet", request.period(), request.tenantId());
            return;
        }
        String raw = exchange.getIn().getBody(String.class);
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        Instant started = clock.instant();
        CxoneInvoiceParser.Parsed parsed = parser.fromJson(raw);
        String checksum = invoices.store(request.tenantId(), parsed.invoice(), "API", raw, runId);
        String source = "cxone:" + request.tenantId() + " invoice " + parsed.invoice().invoiceId();
        raiseRejected(parsed, source, "api|cxone:" + request.tenantId() + "|" + checksum, exchange);
        runs.recordInput(runId, "cxone-invoice", request.tenantId() + "/" + parsed.invoice().invoiceId(), checksum);
        recordIntake(parsed, "invoice " + source, started, runId);
    }

    private void raiseRejected(CxoneInvoiceParser.Parsed parsed, String source, String dedupeScope,
                               Exchange exchange) {
        for (RejectedRecord rejected : parsed.rejected()) {
            exceptions.raise(rejected.toCase(ExceptionType.INVOICE_LINE_REJECTED, CxoneProperties.PIPELINE, source)
                    .run(exchange.getProperty(HubExchange.RUN_ID, String.class),
                            exchange.getProperty(HubExchange.CORRELATION_ID, String.class))
                    .dedupeKey(dedupeScope + "|" + rejected.position())
                    .build());
        }
    }

    private void recordIntake(CxoneInvoiceParser.Parsed parsed, String phase, Instant started, String runId) {
        runs.recordPhase(runId, started, PhaseCounts.input(phase, parsed.recordsIn(),
                parsed.recordsIn() - parsed.rejected().size(), parsed.rejected().size(),
                Map.of("invoice", parsed.invoice().invoiceId(), "period", parsed.invoice().period().toString())));
    }

    /** Reconciles every tenant; the run is final only if every tenant's period is final. */
    public void reconcile(Exchange exchange) {
        YearMonth period = period(exchange);
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        boolean allFinal = true;
        for (CxoneProperties.Tenant tenant : properties.tenants()) {
            Instant started = clock.instant();
            boolean finalRun = finalisation.isFinal(tenant.id(), period);
            allFinal &= finalRun;
            LedgerReconciliationService.Outcome outcome = reconciliation.reconcile(tenant.id(), period, finalRun,
                    runId, exchange.getProperty(HubExchange.CORRELATION_ID, String.class));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("invoice", outcome.invoiceFound() ? "found" : "not issued yet");
            details.put("final", finalRun);
            details.put("finalFrom", finalisation.finalDay(period).toString());
            details.put("matched", outcome.matched());
            details.put("roundingDrift", outcome.drift());
            details.put("exceptions", outcome.exceptions());
            runs.recordPhase(runId, started, PhaseCounts.step("reconcile cxone:" + tenant.id() + " " + period,
                    outcome.groups(), outcome.matched() + outcome.drift(), outcome.exceptions(), details));
            runs.addTotals(runId, Map.of("final", finalRun));
        }
        exchange.setProperty(FINAL, allFinal);
    }

    /**
     * Posts the reconciled journal of a final period when asked to close; a preliminary run posts nothing. The
     * body becomes the batches to post (a new one, and any still pending).
     */
    public List<String> closeJournal(Exchange exchange) {
        YearMonth period = period(exchange);
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        if (!exchange.getProperty(CLOSE, false, Boolean.class)) {
            return List.of();
        }
        if (!exchange.getProperty(FINAL, false, Boolean.class)) {
            runs.addTotals(runId, Map.of("journal", "not posted: the period is preliminary until "
                    + finalisation.finalDay(period) + " or CXone's INVOICE_FINALIZED event"));
            return List.of();
        }
        journal.close(period, runId);
        List<String> toPost = journal.pendingBatches(period);
        runs.addTotals(runId, Map.of("journalBatches", toPost));
        return toPost;
    }

    /**
     * Daily: a month is due once it is final (its final business day has come) until a final run has closed its
     * GL journal and the ERP has accepted it: a final run without "close", or a batch still pending, keeps it
     * due (a month missed altogether is closed with POST /api/runs). The body becomes the periods to run.
     */
    public List<String> duePeriods(Exchange exchange) {
        List<String> due = new ArrayList<>();
        for (CxoneProperties.Tenant tenant : properties.tenants()) {
            LocalDate today = finalisation.today(tenant.id());
            YearMonth previous = YearMonth.from(today).minusMonths(1);
            if (!today.isBefore(finalisation.finalDay(previous)) && !journalPosted(previous)
                    && !due.contains(previous.toString())) {
                due.add(previous.toString());
            }
        }
        return due;
    }

    /** Reads and stores an invoice CSV dropped over SFTP (the body), then reconciles its period if transformed. */
    public void ingestInvoiceFile(Exchange exchange) throws InvalidPayloadException {
        String tenantId = exchange.getProperty(HubExchange.SOURCE_ID, String.class);
        String fileName = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        runSteps.ensure(exchange, "cxone-invoice-intake");
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        String correlationId = exchange.getProperty(HubExchange.CORRELATION_ID, String.class);
        Instant started = clock.instant();
        byte[] content = exchange.getIn().getMandatoryBody(byte[].class);
        CxoneInvoiceParser.Parsed parsed = parser.fromCsv(content, fileName);
        String checksum = invoices.store(properties.tenant(tenantId).id(), parsed.invoice(), "FILE",
                new String(content, StandardCharsets.UTF_8), runId);
        raiseRejected(parsed, "cxone/" + tenantId + "/" + fileName, "file|cxone:" + tenantId + "|" + checksum,
                exchange);
        runs.recordInput(runId, "cxone-invoice", tenantId + "/" + fileName, checksum);
        recordIntake(parsed, "ingest cxone/" + tenantId + "/" + fileName, started, runId);
        YearMonth period = parsed.invoice().period();
        if (hasNormalisedLines(tenantId, period)) {
            reconciliation.reconcile(tenantId, period, finalisation.isFinal(tenantId, period), runId, correlationId);
        }
    }

    /**
     * A final run closed the period's journal (even with nothing to post) and the ERP has accepted every batch of
     * it.
     */
    private boolean journalPosted(YearMonth period) {
        Boolean posted = jdbc.queryForObject("""
                select exists (select 1 from pipeline_run where pipeline = :pipeline and period = :period
                                 and status in ('SUCCEEDED', 'COMPLETED_WITH_FAILURES')
                                 and totals -> 'journalBatches' is not null)
                   and not exists (select 1 from erp_batch where pipeline = :pipeline and period = :period
                                     and status <> 'POSTED')""",
                new MapSqlParameterSource("pipeline", CxoneProperties.PIPELINE).addValue("period", period.toString()),
                Boolean.class);
        return Boolean.TRUE.equals(posted);
    }

    private boolean hasNormalisedLines(String tenantId, YearMonth period) {
        Integer lines = jdbc.queryForObject("""
                select count(*) from cxone_normalised_line where tenant_id = :tenant and period = :period""",
                new MapSqlParameterSource("tenant", tenantId).addValue("period", period.toString()), Integer.class);
        return lines != null && lines > 0;
    }

    private String referenceChecksum() {
        return jdbc.queryForObject("select checksum from reference_data_version where id = :id",
                new MapSqlParameterSource("id", ledger.require().versionId()), String.class);
    }

    /** The period of the exchange: its hubPeriod property, or its body (a scheduled split part). */
    private static YearMonth period(Exchange exchange) {
        String period = exchange.getProperty(HubExchange.PERIOD, String.class);
        return YearMonth.parse(period != null ? period : exchange.getIn().getBody(String.class));
    }
}
