package io.billinghub.observability;

import io.billinghub.erp.ErpBatches;
import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.exceptions.ExceptionType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The gauges read from the database: open cases by type, the reconciliations' latest variance and result lines,
 * the age of the oldest ERP batch not accepted yet. Being read from the shared database, they are the same on every
 * node (dashboards take the max over the nodes, not the sum). {@link ScrapeRefreshFilter} refreshes them when they
 * are scraped, a few grouped queries on small tables.
 *
 * <p>Money gauges are doubles because Prometheus samples are; the exact decimal figures stay in the REST API.
 */
@Component
public class BusinessGauges {

    private final ExceptionQueue exceptions;
    private final ReconciliationFigures reconciliation;
    private final ErpBatches erp;
    private final Clock clock;
    private final String currency;
    private final MultiGauge openCases;
    private final MultiGauge carrierVariance;
    private final MultiGauge carrierLines;
    private final MultiGauge cxoneVariance;
    private final MultiGauge cxoneLines;
    private volatile double oldestPendingSeconds;

    public BusinessGauges(MeterRegistry registry, ExceptionQueue exceptions, ReconciliationFigures reconciliation,
                          ErpBatches erp, Clock clock, @Value("${hub.currency}") String currency) {
        this.exceptions = exceptions;
        this.reconciliation = reconciliation;
        this.erp = erp;
        this.clock = clock;
        this.currency = currency;
        openCases = MultiGauge.builder("hub.exceptions.open")
                .description("Exception cases open or acknowledged, by type").register(registry);
        carrierVariance = MultiGauge.builder("hub.reconciliation.variance")
                .description("Carrier invoices minus the hub's rated cost, latest reconciled month per carrier")
                .register(registry);
        carrierLines = MultiGauge.builder("hub.reconciliation.lines")
                .description("Carrier reconciliation results (carrier, day, invoice) of the latest month, by status")
                .register(registry);
        cxoneVariance = MultiGauge.builder("hub.cxone.reconciliation.variance")
                .description("CXone invoice minus the hub's GL amounts, latest reconciled period per tenant")
                .register(registry);
        cxoneLines = MultiGauge.builder("hub.cxone.reconciliation.lines")
                .description("CXone reconciliation results (feature type, GL account) of the latest period, by status")
                .register(registry);
        TimeGauge.builder("hub.erp.oldest.pending.batch.age", this, TimeUnit.SECONDS, g -> g.oldestPendingSeconds)
                .description("Age of the oldest ERP batch not accepted by the ERP yet (0 when none)")
                .register(registry);
    }

    /** Reads every figure again. */
    public synchronized void refresh() {
        Map<String, Long> open = exceptions.openCountsByType();
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (ExceptionType type : ExceptionType.values()) {
            rows.add(MultiGauge.Row.of(Tags.of("type", type.name()), open.getOrDefault(type.name(), 0L)));
        }
        openCases.register(rows, true);
        register(reconciliation.carriers(), "carrier", carrierVariance, carrierLines);
        register(reconciliation.cxoneTenants(), "tenant", cxoneVariance, cxoneLines);
        oldestPendingSeconds = ageSeconds(erp.oldestNotAccepted(), clock.instant());
    }

    private void register(List<ReconciliationFigures.Month> months, String party, MultiGauge variance,
                          MultiGauge lines) {
        variance.register(variances(months).entrySet().stream().map(e -> MultiGauge.Row.of(Tags.of(party,
                e.getKey().party(), "period", e.getKey().period(), "currency", currency), e.getValue().doubleValue()))
                .toList(), true);
        lines.register(months.stream().map(m -> MultiGauge.Row.of(Tags.of(party, m.party(), "period", m.period(),
                "status", m.status()), m.lines())).toList(), true);
    }

    /** A carrier's or tenant's reconciled month. */
    record PartyMonth(String party, String period) {
    }

    /** The variance of each party's month: the sum over its statuses. */
    static Map<PartyMonth, BigDecimal> variances(List<ReconciliationFigures.Month> months) {
        Map<PartyMonth, BigDecimal> sums = new LinkedHashMap<>();
        months.forEach(m -> sums.merge(new PartyMonth(m.party(), m.period()), m.variance(), BigDecimal::add));
        return sums;
    }

    /** Seconds from {@code oldest} to {@code now}; 0 when there is none (or it lies ahead of the clock). */
    static double ageSeconds(Optional<Instant> oldest, Instant now) {
        return oldest.map(o -> Math.max(0, Duration.between(o, now).toMillis() / 1000.0)).orElse(0.0);
    }
}
