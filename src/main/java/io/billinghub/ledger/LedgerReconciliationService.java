package io.billinghub.ledger;

import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.exceptions.NewException;
import io.billinghub.extraction.cxone.CxoneProperties;
import io.billinghub.normalisation.CxoneTransformService;
import io.billinghub.platform.SqlTime;
import io.billinghub.referencedata.ledger.ActiveLedgerReference;
import io.billinghub.referencedata.ledger.LedgerRows;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles a tenant's normalised usage against its current invoice and replaces the period's results. Every
 * EXCEPTION is a case carrying the invoice line(s), the usage figures and the transformation state (tax basis,
 * reference version), so finance can trace it without re-running.
 */
@Service
public class LedgerReconciliationService {

    /** What a pass did. */
    public record Outcome(boolean invoiceFound, boolean finalRun, int groups, int matched, int drift,
                          int exceptions) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final CxoneInvoices invoices;
    private final ExceptionQueue exceptions;
    private final ActiveLedgerReference ledger;
    private final CxoneProperties properties;
    private final Clock clock;
    private final String unallocatedGl;

    public LedgerReconciliationService(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx,
                                       CxoneInvoices invoices, ExceptionQueue exceptions,
                                       ActiveLedgerReference ledger, CxoneProperties properties, Clock clock,
                                       @Value("${hub.cxone.unallocated-gl-account}") String unallocatedGl) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.invoices = invoices;
        this.exceptions = exceptions;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
        this.unallocatedGl = unallocatedGl;
    }

    public Outcome reconcile(String tenantId, YearMonth period, boolean finalRun, String runId,
                             String correlationId) {
        Optional<CxoneInvoices.Stored> stored = invoices.current(tenantId, period);
        if (stored.isEmpty()) {
            return new Outcome(false, finalRun, 0, 0, 0, 0);
        }
        boolean postTax = properties.glAmountBasis() == CxoneProperties.GlAmountBasis.POST_TAX;
        MapSqlParameterSource key = new MapSqlParameterSource("tenant", tenantId).addValue("period", period.toString());
        List<LedgerReconciler.UsageGroup> usage = jdbc.query("""
                select feature_type, coalesce(cost_center_id, ''), gl_account, sum(gl_amount), count(*)
                from cxone_normalised_line where tenant_id = :tenant and period = :period
                group by feature_type, cost_center_id, gl_account""", key,
                (rs, i) -> new LedgerReconciler.UsageGroup(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getInt(5)));
        List<LedgerReconciler.InvoiceGroup> invoiceLines = stored.get().invoice().lines().stream()
                .map(l -> new LedgerReconciler.InvoiceGroup(l.lineNumber(), l.featureType(), l.costCenterId(),
                        postTax ? l.amount().add(l.taxAmount()) : l.amount(), l.raw()))
                .toList();
        List<LedgerReconciler.Result> results = new LedgerReconciler(properties.varianceTolerancePercent())
                .reconcile(usage, invoiceLines, costCentre -> glAtPeriodEnd(costCentre, period));

        tx.executeWithoutResult(status -> {
            jdbc.update("delete from cxone_reconciliation_result where tenant_id = :tenant and period = :period", key);
            for (LedgerReconciler.Result r : results) {
                jdbc.update("""
                        insert into cxone_reconciliation_result (tenant_id, period, feature_type, gl_account,
                            api_amount, invoice_amount, variance, relative_variance, status, final, record_count,
                            reconciled_at, run_id)
                        values (:tenant, :period, :feature, :gl, :api, :invoice, :variance, :relative, :status,
                            :final, :records, :now, :run)""", new MapSqlParameterSource(key.getValues())
                        .addValue("feature", r.featureType()).addValue("gl", r.glAccount())
                        .addValue("api", r.apiAmount()).addValue("invoice", r.invoiceAmount())
                        .addValue("variance", r.variance()).addValue("relative", r.relativeVariance())
                        .addValue("status", r.status()).addValue("final", finalRun).addValue("records", r.records())
                        .addValue("now", SqlTime.utc(clock.instant())).addValue("run", runId));
            }
        });
        Set<String> raised = new TreeSet<>();
        int matched = 0;
        int drift = 0;
        for (LedgerReconciler.Result r : results) {
            switch (r.status()) {
                case "MATCHED" -> matched++;
                case "ROUNDING_DRIFT" -> drift++;
                default -> {
                    NewException c = varianceCase(tenantId, period, r, finalRun, stored.get(), runId, correlationId);
                    exceptions.raise(c);
                    raised.add(c.dedupeKey());
                }
            }
        }
        exceptions.autoResolveAbsent(Set.of(ExceptionType.CXONE_VARIANCE),
                CxoneTransformService.scope(tenantId, period) + "variance|", raised,
                "within tolerance when " + period + " was reconciled again");
        return new Outcome(true, finalRun, results.size(), matched, drift, raised.size());
    }

    private String glAtPeriodEnd(String costCentre, YearMonth period) {
        return ledger.require().data().costCentre(costCentre, period.atEndOfMonth())
                .map(LedgerRows.CostCentreMapping::glAccount).orElse(unallocatedGl);
    }

    private NewException varianceCase(String tenantId, YearMonth period, LedgerReconciler.Result r, boolean finalRun,
                                      CxoneInvoices.Stored invoice, String runId, String correlationId) {
        String relative = r.relativeVariance() == null ? "not invoiced"
                : r.relativeVariance().stripTrailingZeros().toPlainString() + " %";
        return NewException.of(ExceptionType.CXONE_VARIANCE, (finalRun ? "" : "PRELIMINARY: ") + r.featureType()
                        + " on GL " + r.glAccount() + " for " + period + ": usage " + r.apiAmount().toPlainString()
                        + ", invoice " + r.invoiceAmount().toPlainString() + " (variance "
                        + r.variance().toPlainString() + ", " + relative + ", tolerance "
                        + properties.varianceTolerancePercent().toPlainString() + " %)")
                .pipeline(CxoneProperties.PIPELINE)
                .source("cxone invoice " + invoice.invoice().invoiceId(), r.featureType() + " / " + r.glAccount())
                .run(runId, correlationId)
                .dedupeKey(CxoneTransformService.scope(tenantId, period) + "variance|" + r.featureType() + "|"
                        + r.glAccount())
                .context("featureType", r.featureType())
                .context("glAccount", r.glAccount())
                .context("apiAmount", r.apiAmount().toPlainString())
                .context("invoiceAmount", r.invoiceAmount().toPlainString())
                .context("variance", r.variance().toPlainString())
                .context("relativeVariancePercent", r.relativeVariance() == null ? null
                        : r.relativeVariance().toPlainString())
                .context("final", finalRun)
                .context("records", r.records())
                .context("glAmountBasis", properties.glAmountBasis().name())
                .context("referenceVersion", ledger.require().versionId())
                .context("invoiceChecksum", invoice.checksum())
                .context("usageLines", "/api/cxone/lines?tenant=" + tenantId + "&period=" + period + "&featureType="
                        + r.featureType() + "&glAccount=" + r.glAccount())
                .payload(String.join("\n", r.invoiceLines()).getBytes(StandardCharsets.UTF_8),
                        "text")
                .build();
    }

    /** The period's results, for the REST API. */
    public List<Map<String, Object>> results(String tenantId, YearMonth period) {
        return jdbc.queryForList("""
                select tenant_id, period, feature_type, gl_account, api_amount, invoice_amount, variance,
                    relative_variance, status, final, record_count, reconciled_at, run_id
                from cxone_reconciliation_result
                where (cast(:tenant as text) is null or tenant_id = :tenant) and period = :period
                order by feature_type, gl_account""",
                new MapSqlParameterSource("tenant", tenantId).addValue("period", period.toString()));
    }

}
