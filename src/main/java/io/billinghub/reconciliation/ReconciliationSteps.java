package io.billinghub.reconciliation;

import io.billinghub.platform.HubExchange;
import io.billinghub.runs.PhaseCounts;
import io.billinghub.runs.RunRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Route steps of reconciliation: a period's days, the daily lookback, or the days an invoice file touched. */
@Component("reconciliationSteps")
public class ReconciliationSteps {

    /** The UTC days an ingested invoice file has lines on (set by the ingest step). */
    public static final String INVOICE_DAYS = "hubInvoiceDays";
    /** The carrier (usage name) whose invoice file set {@link #INVOICE_DAYS}; absent: every carrier's. */
    public static final String INVOICE_CARRIER = "hubInvoiceCarrier";

    private final ReconciliationService reconciliation;
    private final RunRegistry runs;
    private final Clock clock;

    public ReconciliationSteps(ReconciliationService reconciliation, RunRegistry runs, Clock clock) {
        this.reconciliation = reconciliation;
        this.runs = runs;
        this.clock = clock;
    }

    public void reconcilePeriod(Exchange exchange) {
        YearMonth period = YearMonth.parse(exchange.getProperty(HubExchange.PERIOD, String.class));
        Set<LocalDate> days = new TreeSet<>();
        for (LocalDate day = period.atDay(1); !day.isAfter(period.atEndOfMonth()); day = day.plusDays(1)) {
            days.add(day);
        }
        reconcile(exchange, "reconcile " + period, days, null);
    }

    public void reconcileLookback(Exchange exchange) {
        reconcile(exchange, "reconcile lookback", reconciliation.lookbackDays(), null);
    }

    @SuppressWarnings("unchecked")
    public void reconcileInvoiceDays(Exchange exchange) {
        Collection<LocalDate> days = exchange.getProperty(INVOICE_DAYS, Collection.class);
        if (days != null && !days.isEmpty()) {
            reconcile(exchange, "reconcile invoice days", days,
                    exchange.getProperty(INVOICE_CARRIER, String.class));
        }
    }

    private void reconcile(Exchange exchange, String phase, Collection<LocalDate> candidates, String carrierName) {
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        Instant started = clock.instant();
        ReconciliationService.Outcome outcome = reconciliation.reconcile(candidates, carrierName, runId,
                exchange.getProperty(HubExchange.CORRELATION_ID, String.class));
        // not finalised yet, or their usage is not extracted yet: reconciled by a later run
        Set<LocalDate> pending = new TreeSet<>(candidates);
        pending.removeAll(outcome.days());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("daysReconciled", outcome.days().size());
        details.put("daysNotReady", pending.stream().map(LocalDate::toString).toList());
        details.put("matchedLines", outcome.matchedLines());
        details.put("discrepancies", outcome.discrepancies());
        int withDiscrepancies = outcome.discrepancies().values().stream().mapToInt(Integer::intValue).sum();
        // counted in discrepancies found: every one of them is a case in the exception queue
        runs.recordPhase(runId, started, PhaseCounts.step(phase, outcome.matchedLines() + withDiscrepancies,
                outcome.matchedLines(), withDiscrepancies, details));
    }
}
