package io.billinghub.wholesale;

import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.exceptions.NewException;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.extraction.webex.BillingWindow;
import io.billinghub.extraction.webex.ReportType;
import io.billinghub.extraction.webex.WebexProperties;
import io.billinghub.extraction.webex.WebexReportJob;
import io.billinghub.extraction.webex.WebexReportStore;
import io.billinghub.platform.Checksums;
import io.billinghub.platform.HubExchange;
import io.billinghub.referencedata.webex.ActiveWebexPrices;
import io.billinghub.runs.PhaseCounts;
import io.billinghub.runs.RunRegistry;
import io.billinghub.runs.RunSteps;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Route steps of a Webex wholesale period (routes/webex-wholesale.camel.yaml): the reports to extract, the rating
 * of the usage into customer statements, their reconciliation with the partner invoice, the cases finance must look
 * at, and the ERP batch of the statements.
 */
@Component("wholesaleSteps")
public class WholesaleSteps {

    /** The statement lines {@link #rate} priced, for {@link #close} in the same run. */
    private static final String STATEMENTS = "hubWebexStatements";

    private static final Set<ExceptionType> PERIOD_CASES = EnumSet.of(ExceptionType.WEBEX_SKU_UNPRICED,
            ExceptionType.WEBEX_CUSTOMER_UNMAPPED, ExceptionType.WEBEX_INVOICE_VARIANCE,
            ExceptionType.WEBEX_REPORT_INCONSISTENT);

    private final WebexProperties properties;
    private final WebexReportStore reports;
    private final WholesaleStore store;
    private final WholesaleErpBatcher erp;
    private final ActiveWebexPrices prices;
    private final ExceptionQueue exceptions;
    private final RunRegistry runs;
    private final RunSteps runSteps;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PartnerInvoiceParser invoiceParser;
    private final WholesaleReconciler reconciler;

    public WholesaleSteps(WebexProperties properties, WebexReportStore reports, WholesaleStore store,
                          WholesaleErpBatcher erp, ActiveWebexPrices prices, ExceptionQueue exceptions,
                          RunRegistry runs, RunSteps runSteps, TransactionTemplate tx, Clock clock,
                          @Value("${hub.currency}") String currency) {
        this.properties = properties;
        this.reports = reports;
        this.store = store;
        this.erp = erp;
        this.prices = prices;
        this.exceptions = exceptions;
        this.runs = runs;
        this.runSteps = runSteps;
        this.tx = tx;
        this.clock = clock;
        this.invoiceParser = new PartnerInvoiceParser(currency);
        this.reconciler = new WholesaleReconciler(properties.quantityTolerance(), properties.amountTolerance());
    }

    /** The schedule's period: the month before the current UTC one. */
    public void previousPeriod(Exchange exchange) {
        exchange.setProperty(HubExchange.PERIOD,
                YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).minusMonths(1).toString());
    }

    /**
     * Opens (or joins) the period run after checking the window (a month not over yet is refused before anything
     * is asked of Webex); the body becomes the reports to extract: every level of every partner scope.
     */
    public List<WebexReportJob> beginPeriod(Exchange exchange) {
        YearMonth period = YearMonth.parse(exchange.getProperty(HubExchange.PERIOD, String.class));
        String runId = runSteps.ensure(exchange, WebexProperties.PIPELINE);
        BillingWindow.of(period, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        runs.recordInput(runId, "reference-version", "webex-prices",
                String.valueOf(prices.require().versionId()));
        if (!exchange.getProperty(HubExchange.EXTRACT, true, Boolean.class)) {
            return List.of();
        }
        return jobs(period, exchange.getProperty(HubExchange.REGENERATE, false, Boolean.class));
    }

    private List<WebexReportJob> jobs(YearMonth period, boolean regenerate) {
        List<WebexReportJob> jobs = new ArrayList<>();
        for (WebexProperties.Partner partner : properties.partners()) {
            for (ReportType type : properties.reportTypes()) {
                jobs.add(new WebexReportJob(partner.id(), partner.orgId(), null, type, period.toString(),
                        regenerate));
                for (String sub : partner.subPartnerOrgIds()) {
                    jobs.add(new WebexReportJob(partner.id(), sub, sub, type, period.toString(), regenerate));
                }
            }
        }
        return jobs;
    }

    /** Whether a report of the period failed in this run (its case is in the queue): then nothing is rated. */
    public boolean extractionFailed(Exchange exchange) {
        if (!exchange.getProperty(HubExchange.EXTRACT, true, Boolean.class)) {
            return false;
        }
        YearMonth period = YearMonth.parse(exchange.getProperty(HubExchange.PERIOD, String.class));
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        List<String> missing = jobs(period, false).stream().filter(j -> !reports.extractedInRun(runId, j))
                .map(WebexReportJob::describe).toList();
        if (missing.isEmpty()) {
            return false;
        }
        runs.fail(runId, "not rated: no report was extracted for " + String.join("; ", missing)
                + " (see the WEBEX_REPORT_FAILED / WEBEX_REPORT_MALFORMED cases)");
        return true;
    }

    /**
     * Prices the period's usage into statements (with per-user detail), checks the report levels against each
     * other, reconciles each partner's invoice, and refreshes the period's cases: what a re-run no longer finds is
     * resolved automatically.
     */
    public void rate(Exchange exchange) {
        YearMonth period = YearMonth.parse(exchange.getProperty(HubExchange.PERIOD, String.class));
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        String correlationId = exchange.getProperty(HubExchange.CORRELATION_ID, String.class);
        Instant started = clock.instant();
        List<StatementLine> lines = WholesaleRating.rate(period, store.customerUsage(period, properties.pricedType()),
                prices.require().prices());
        exchange.setProperty(STATEMENTS, lines);
        Set<String> present = new HashSet<>();
        Map<String, Object> totals = tx.execute(status -> {
            store.replaceStatements(period, lines, runId);
            if (properties.pricedType() == ReportType.USER) {
                Map<String, List<ConsumerUsage>> consumers = store.consumers(period);
                for (StatementLine l : lines) {
                    if (l.amount() != null) {
                        CustomerUsage u = l.usage();
                        List<ConsumerUsage> users = consumers.getOrDefault(WholesaleStore.lineKey(u.partnerId(),
                                u.customerOrgId(), u.sku()), List.of());
                        store.insertUserDetail(period, u.partnerId(), users, WholesaleRating.split(l.amount(), users));
                    }
                }
            }
            return summarise(period, lines, runId);
        });
        raiseLineCases(period, lines, runId, correlationId, present);
        for (WholesaleStore.Inconsistency i : store.inconsistencies(period)) {
            String key = scope(period) + "inconsistent|" + i.partnerId() + "|" + i.scopeOrgId() + "|" + i.level()
                    + "|" + i.key();
            present.add(key);
            exceptions.raise(NewException.of(ExceptionType.WEBEX_REPORT_INCONSISTENT, i.level() + " for " + i.key()
                            + ": " + i.quantity().stripTrailingZeros().toPlainString() + " against "
                            + i.finerQuantity().stripTrailingZeros().toPlainString()
                            + " summed from the finer report; statements use the "
                            + properties.pricedType() + " report")
                    .pipeline(WebexProperties.PIPELINE).source("webex:" + i.partnerId() + "/" + i.scopeOrgId(),
                            period.toString())
                    .run(runId, correlationId).dedupeKey(key).build());
        }
        int exceptionsFound = 0;
        for (WebexProperties.Partner partner : properties.partners()) {
            exceptionsFound += reconcile(period, partner.id(), lines, runId, correlationId, present);
        }
        exceptions.autoResolveAbsent(PERIOD_CASES, scope(period), present,
                "no longer found by run " + runId);
        totals.put("reconciliationExceptions", exceptionsFound);
        runs.addTotals(runId, totals);
        runs.recordPhase(runId, started, PhaseCounts.step("rate and reconcile " + period, lines.size(),
                lines.stream().filter(StatementLine::billable).count(),
                lines.stream().filter(l -> !l.billable()).count(), totals));
    }

    private Map<String, Object> summarise(YearMonth period, List<StatementLine> lines, String runId) {
        BigDecimal billable = BigDecimal.ZERO;
        BigDecimal priced = BigDecimal.ZERO;
        Set<String> customers = new HashSet<>();
        for (StatementLine l : lines) {
            if (l.amount() != null) {
                priced = priced.add(l.amount());
            }
            if (l.billable()) {
                billable = billable.add(l.amount());
                customers.add(l.usage().customerExternalId());
            }
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("period", period.toString());
        totals.put("pricedAmount", priced.toPlainString());
        totals.put("statementAmount", billable.toPlainString());
        totals.put("statements", customers.size());
        return totals;
    }

    private void raiseLineCases(YearMonth period, List<StatementLine> lines, String runId, String correlationId,
                                Set<String> present) {
        for (StatementLine l : lines) {
            CustomerUsage u = l.usage();
            if (l.status() == StatementLine.Status.UNPRICED) {
                String key = scope(period) + "unpriced|" + u.sku();
                if (present.add(key)) {
                    exceptions.raise(NewException.of(ExceptionType.WEBEX_SKU_UNPRICED, "SKU " + u.sku() + " ("
                                    + u.description() + ") has no price in force for " + period
                                    + " in mappings/webex-sku-prices.csv: its usage is neither priced nor rebilled")
                            .pipeline(WebexProperties.PIPELINE).source("webex:" + u.partnerId(), u.sku())
                            .run(runId, correlationId).dedupeKey(key).build());
                }
            } else if (l.status() == StatementLine.Status.UNMAPPED) {
                String key = scope(period) + "unmapped|" + u.partnerId() + "|" + u.customerOrgId();
                if (present.add(key)) {
                    exceptions.raise(NewException.of(ExceptionType.WEBEX_CUSTOMER_UNMAPPED, "customer org "
                                    + u.customerOrgId() + " has no CUSTOMER_EXTERNAL_ID: its charges stay off the"
                                    + " statements until the partner sets one in Webex")
                            .pipeline(WebexProperties.PIPELINE).source("webex:" + u.partnerId(), u.customerOrgId())
                            .run(runId, correlationId).dedupeKey(key).build());
                }
            }
        }
    }

    private int reconcile(YearMonth period, String partnerId, List<StatementLine> lines, String runId,
                          String correlationId, Set<String> present) {
        List<PartnerInvoice.Line> invoice = store.invoiceLines(partnerId, period);
        if (invoice.isEmpty()) {
            // no invoice yet: reconciled when it is dropped
            store.replaceReconciliation(period, partnerId, List.of(), runId);
            return 0;
        }
        List<StatementLine> own = lines.stream().filter(l -> l.usage().partnerId().equals(partnerId)).toList();
        List<WholesaleReconciler.Result> results = reconciler.reconcile(own, invoice);
        store.replaceReconciliation(period, partnerId, results, runId);
        int found = 0;
        for (WholesaleReconciler.Result r : results) {
            if (!r.status().isException() || r.status() == WholesaleReconciler.Status.UNPRICED) {
                continue;
            }
            found++;
            String key = scope(period) + "variance|" + partnerId + "|" + r.dimension() + "|" + r.key();
            present.add(key);
            exceptions.raise(NewException.of(ExceptionType.WEBEX_INVOICE_VARIANCE, r.dimension() + " " + r.key()
                            + " (" + r.label() + ") " + r.status() + ": usage " + plain(r.usageQuantity()) + " for "
                            + plain(r.usageAmount()) + " against invoice " + plain(r.invoiceQuantity()) + " for "
                            + plain(r.invoiceAmount()) + " (variance " + plain(r.variance()) + ")")
                    .pipeline(WebexProperties.PIPELINE).source("webex:" + partnerId + " invoice", r.dimension()
                            + " " + r.key())
                    .run(runId, correlationId).dedupeKey(key)
                    .context("usageAmount", plain(r.usageAmount())).context("invoiceAmount", plain(r.invoiceAmount()))
                    .build());
        }
        return found;
    }

    /** With close: the billable statements to the ERP (the ORIGINAL batch, or an ADJUSTMENT of differences). */
    public List<String> close(Exchange exchange) {
        if (!exchange.getProperty(HubExchange.CLOSE, false, Boolean.class)) {
            return List.of();
        }
        Instant started = clock.instant();
        YearMonth period = YearMonth.parse(exchange.getProperty(HubExchange.PERIOD, String.class));
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        @SuppressWarnings("unchecked")
        List<StatementLine> lines = exchange.getProperty(STATEMENTS, List.class);
        List<String> created = new ArrayList<>();
        erp.close(period, lines, runId).ifPresent(created::add);
        List<String> toPost = erp.pendingBatches(period);
        runs.recordPhase(runId, started, PhaseCounts.step("close " + period, 0, 0, 0,
                Map.of("created", created, "toPost", toPost)));
        return toPost;
    }

    /** A partner invoice dropped over SFTP: stored (replacing an earlier file of it), then reconciled if rated. */
    public void ingestInvoice(Exchange exchange) throws InvalidPayloadException {
        String partnerId = properties.partner(exchange.getProperty(HubExchange.SOURCE_ID, String.class)).id();
        String fileName = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        runSteps.ensure(exchange, "webex-invoice-intake");
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        String correlationId = exchange.getProperty(HubExchange.CORRELATION_ID, String.class);
        Instant started = clock.instant();
        byte[] content = exchange.getIn().getMandatoryBody(byte[].class);
        String checksum = Checksums.sha256(content);
        PartnerInvoiceParser.Parsed parsed = invoiceParser.parse(content, fileName);
        PartnerInvoice invoice = parsed.invoice();
        store.storeInvoice(partnerId, invoice, fileName, checksum, clock.instant(), runId);
        for (RejectedRecord r : parsed.rejected()) {
            exceptions.raise(r.toCase(ExceptionType.WEBEX_INVOICE_LINE_REJECTED, WebexProperties.PIPELINE,
                            "webex/" + partnerId + "/" + fileName)
                    .run(runId, correlationId).dedupeKey("webex-invoice|" + partnerId + "|" + checksum + "|"
                            + r.position())
                    .build());
        }
        runs.recordInput(runId, "webex-invoice", partnerId + "/" + fileName, checksum);
        runs.recordPhase(runId, started, PhaseCounts.input("ingest webex/" + partnerId + "/" + fileName,
                parsed.recordsIn(), invoice.lines().size(), parsed.rejected().size(),
                Map.of("invoice", invoice.invoiceNumber(), "period", invoice.period().toString(),
                        "total", invoice.total().toPlainString())));
        exchange.setProperty(HubExchange.PERIOD, invoice.period().toString());
        if (store.hasStatements(invoice.period())) {
            rate(exchange);
        }
    }

    private static String scope(YearMonth period) {
        return "webex|" + period + "|";
    }

    private static String plain(BigDecimal value) {
        return value == null ? "unknown" : value.toPlainString();
    }
}
