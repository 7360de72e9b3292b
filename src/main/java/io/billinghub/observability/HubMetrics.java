package io.billinghub.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The business counters and the ERP delivery timer, recorded where the work happens (run registry, exception
 * queue, ERP batches). They count what this node did since it started; Prometheus sums them over the nodes. The
 * figures read from the database (open cases, reconciliation variance, pending ERP batches) are
 * {@link BusinessGauges}.
 */
@Component
public class HubMetrics {

    /** The tag value for a case or run without a pipeline (a Prometheus label cannot be null). */
    static final String NO_PIPELINE = "none";

    // ERP acceptance takes from seconds (a retry) to days (an ERP down over a weekend, a replayed case)
    private static final Duration[] DELIVERY_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(10),
            Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6),
            Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7)};

    private final MeterRegistry registry;

    public HubMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The input counts of a run's phase (in = accepted + rejected, as the run record keeps them). */
    public void recordsRead(String pipeline, long in, long accepted, long rejected) {
        counter("hub.records.in", "Records read by the runs (their input phases)", pipeline).increment(in);
        counter("hub.records.accepted", "Records the runs accepted", pipeline).increment(accepted);
        counter("hub.records.rejected", "Records the runs rejected (each one is in a case)", pipeline)
                .increment(rejected);
    }

    /** Cases opened; a refreshed open case, or a problem found again after it was ACCEPTED, is not a new one. */
    public void casesOpened(String type, String pipeline, long count) {
        Counter.builder("hub.exceptions.raised").description("Exception cases opened (refreshed ones not counted)")
                .tag("type", type).tag("pipeline", pipeline == null ? NO_PIPELINE : pipeline).register(registry)
                .increment(count);
    }

    /** The ERP accepted a batch for the first time, {@code lag} after the batch was recorded. */
    public void erpBatchAccepted(String pipeline, Duration lag) {
        Timer.builder("hub.erp.delivery.lag").description("Time from an ERP batch recorded to the ERP accepting it")
                .tag("pipeline", pipeline).serviceLevelObjectives(DELIVERY_BUCKETS).register(registry).record(lag);
    }

    private Counter counter(String name, String description, String pipeline) {
        return Counter.builder(name).description(description)
                .tag("pipeline", pipeline == null ? NO_PIPELINE : pipeline).register(registry);
    }
}
