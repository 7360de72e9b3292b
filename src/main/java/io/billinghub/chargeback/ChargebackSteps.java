package io.billinghub.chargeback;

import io.billinghub.allocation.AllocationEngine;
import io.billinghub.allocation.AllocationResult;
import io.billinghub.allocation.ChargebackFinding;
import io.billinghub.allocation.TenantSnapshot;
import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.exceptions.NewException;
import io.billinghub.platform.HubExchange;
import io.billinghub.referencedata.chargeback.ActiveChargebackReference;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.MultiplierVersion;
import io.billinghub.runs.PhaseCounts;
import io.billinghub.runs.RunRegistry;
import io.billinghub.runs.RunSteps;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Route steps of a chargeback period (routes/chargeback.camel.yaml): extract every tenant's organisation as of the
 * end of the cycle, allocate the platform invoices with the multiplier version in force for the period, store the
 * draft report with its manifest, raise what finance must review, and, when closing, issue the report (frozen from
 * then on) and batch the adjusted charges for the ERP.
 */
@Component("chargebackSteps")
public class ChargebackSteps {


    private final ChargebackProperties properties;
    private final OrgSnapshotStore snapshots;
    private final ChargebackReports reports;
    private final Overrides overrides;
    private final ChargebackErpBatcher erp;
    private final ActiveChargebackReference reference;
    private final ExceptionQueue exceptions;
    private final RunRegistry runs;
    private final RunSteps runSteps;
    private final Clock clock;

    public ChargebackSteps(ChargebackProperties properties, OrgSnapshotStore snapshots, ChargebackReports reports,
                           Overrides overrides, ChargebackErpBatcher erp, ActiveChargebackReference reference,
                           ExceptionQueue exceptions, RunRegistry runs, RunSteps runSteps, Clock clock) {
        this.properties = properties;
        this.snapshots = snapshots;
        this.reports = reports;
        this.overrides = overrides;
        this.erp = erp;
        this.reference = reference;
        this.exceptions = exceptions;
        this.runs = runs;
        this.runSteps = runSteps;
        this.clock = clock;
    }

    /** The monthly schedule's period: the month before today (UTC). */
    public void previousPeriod(Exchange exchange) {
        exchange.setProperty(HubExchange.PERIOD,
                YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).minusMonths(1).toString());
    }

    /** Opens (or joins) the period run; the body becomes the tenants to extract (none when re-allocating). */
    public List<ChargebackProperties.TenantRef> beginPeriod(Exchange exchange) {
        YearMonth period = YearMonth.parse(exchange.getProperty(HubExchange.PERIOD, String.class));
        String runId = runSteps.ensure(exchange, ChargebackProperties.PIPELINE);
        ActiveChargebackReference.Snapshot ref = reference.require();
        runs.recordInput(runId, "reference-version", "chargeback", String.valueOf(ref.versionId()));
        if (reports.header(period).filter(h -> "ISSUED".equals(h.status())).isPresent()
                || !exchange.getProperty(HubExchange.EXTRACT, true, Boolean.class)) {
            return List.of();
        }
        return properties.tenants();
    }

    /**
     * True when a tenant's extraction of this run did not complete (its failure is in the exception queue): the run
     * ends failed instead of allocating from a partial organisation.
     */
    public boolean extractionFailed(Exchange exchange) {
        if (!exchange.getProperty(HubExchange.EXTRACT, true, Boolean.class)) {
            return false;
        }
        YearMonth period = YearMonth.parse(exchange.getProperty(HubExchange.PERIOD, String.class));
        if (reports.header(period).filter(h -> "ISSUED".equals(h.status())).isPresent()) {
            return false;
        }
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        List<String> missing = properties.tenants().stream()
                .filter(t -> !snapshots.completedInRun(runId, t.vendor(), t.id()))
                .map(t -> t.vendor() + " " + t.id()).toList();
        if (missing.isEmpty()) {
            return false;
        }
        runs.fail(runId, "the " + period + " organisation of " + String.join(", ", missing) + " was not extracted"
                + " completely (see the exception queue); nothing was allocated: run the period again");
        return true;
    }

    /** Allocates the period from the latest complete snapshots, unless its report is issued (then it stays). */
    public void allocate(Exchange exchange) {
        Instant started = clock.instant();
        YearMonth period = YearMonth.parse(exchange.getProperty(HubExchange.PERIOD, String.class));
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        if (reports.header(period).filter(h -> "ISSUED".equals(h.status())).isPresent()) {
            runs.recordPhase(runId, started, PhaseCounts.step("allocate", 0, 0, 0,
                    Map.of("kept", "the " + period + " chargeback is issued: its figures do not change")));
            return;
        }
        ActiveChargebackReference.Snapshot ref = reference.require();
        MultiplierVersion version = ref.data().versionFor(period).orElseThrow(() -> new IllegalStateException(
                "no cost multiplier version is in force on " + period.atDay(1) + " (mappings/cost-multipliers.json)"));
        List<OrgSnapshotStore.Extraction> extractions = snapshots.latest(period);
        if (extractions.isEmpty()) {
            throw new IllegalStateException("no complete organisation snapshot of " + period + " to allocate");
        }
        List<TenantSnapshot> tenants = extractions.stream().map(snapshots::snapshot).toList();
        AllocationResult result = new AllocationEngine(properties.policy()).allocate(period, tenants, version,
                ref.data());
        int revision = reports.saveDraft(period, runId, version, ref.versionId(),
                extractions.get(0).snapshotAt(), extractions.stream().map(OrgSnapshotStore.Extraction::extractionId)
                        .toList(), result);
        raise(period, runId, exchange, result.findings());
        long records = tenants.stream().mapToLong(t -> t.users().size() + t.queues().size() + t.trunks().size()
                + t.conversations().size() + t.shifts().size() + t.analytics().size() + t.sessions().size()
                + t.charges().size() + t.licenceUsage().size() + t.queueMetrics().size()).sum();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("multiplierVersion", version.version());
        details.put("revision", revision);
        details.put("lines", result.lines().size());
        details.put("platformSpend", result.manifest().platformSpend());
        details.put("totalAllocated", result.manifest().totalAllocated());
        details.put("unallocated", result.manifest().unallocated());
        details.put("variancePercent", result.manifest().variancePercent());
        details.put("flaggedForReview", result.manifest().flaggedForReview());
        details.put("findings", result.findings().size());
        runs.recordPhase(runId, started, PhaseCounts.step("allocate", records, records, 0, details));
        runs.addTotals(runId, details);
    }

    /** When closing: issues the report and returns the ERP batches to post (a new one and any still pending). */
    public List<String> close(Exchange exchange) {
        if (!exchange.getProperty(HubExchange.CLOSE, false, Boolean.class)) {
            return List.of();
        }
        Instant started = clock.instant();
        YearMonth period = YearMonth.parse(exchange.getProperty(HubExchange.PERIOD, String.class));
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        boolean issuedNow = reports.issue(period);
        List<ChargebackLineRow> adjusted = AdjustedLines.of(reports.lines(period), overrides.forPeriod(period));
        List<String> created = new ArrayList<>();
        erp.close(period, adjusted, runId).ifPresent(created::add);
        List<String> toPost = erp.pendingBatches(period);
        runs.recordPhase(runId, started, PhaseCounts.step("close " + period, 0, 0, 0,
                Map.of("issuedNow", issuedNow, "batchesCreated", created, "batchesToPost", toPost)));
        return toPost;
    }

    private void raise(YearMonth period, String runId, Exchange exchange, List<ChargebackFinding> findings) {
        String correlation = exchange.getProperty(HubExchange.CORRELATION_ID, String.class);
        for (ChargebackFinding f : findings) {
            ExceptionType type = switch (f.kind()) {
                case ChargebackFinding.GHOST_COST_CENTRE, ChargebackFinding.INVALID_COST_CENTRE,
                     ChargebackFinding.MISSING_COST_CENTRE -> ExceptionType.CHARGEBACK_COST_CENTRE;
                case ChargebackFinding.WFM_VARIANCE -> ExceptionType.CHARGEBACK_WFM_VARIANCE;
                case ChargebackFinding.MANIFEST_VARIANCE -> ExceptionType.CHARGEBACK_VARIANCE;
                default -> ExceptionType.CHARGEBACK_REFERENCE;
            };
            exceptions.raise(NewException.of(type, f.kind() + " " + f.subject() + ": " + f.detail())
                    .pipeline(ChargebackProperties.PIPELINE).source("chargeback " + period, f.subject())
                    .run(runId, correlation).dedupeKey(period + " " + f.kind() + " " + f.subject())
                    .context("period", period.toString()).build());
        }
    }
}
