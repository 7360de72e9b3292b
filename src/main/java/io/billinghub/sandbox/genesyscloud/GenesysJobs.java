package io.billinghub.sandbox.genesyscloud;

import io.billinghub.sandbox.FaultBurst;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The conversation details jobs of the sandbox: each status request moves a job on, QUEUED (first request), PENDING
 * (up to pendingPolls), then FULFILLED, or FAILED or EXPIRED when the job was chosen to (every Nth job by
 * configuration, or the next jobs a test armed).
 */
public final class GenesysJobs {

    /** One submitted job. */
    public static final class Job {
        private final String id;
        private final Instant from;
        private final Instant to;
        private final Instant submittedAt;
        private final String ending;
        private int polls;
        private String state = "QUEUED";

        Job(String id, Instant from, Instant to, Instant submittedAt, String ending) {
            this.id = id;
            this.from = from;
            this.to = to;
            this.submittedAt = submittedAt;
            this.ending = ending;
        }

        public String id() {
            return id;
        }

        public Instant from() {
            return from;
        }

        public Instant to() {
            return to;
        }

        public Instant submittedAt() {
            return submittedAt;
        }

        public synchronized String state() {
            return state;
        }

        synchronized String poll(int pendingPolls) {
            polls++;
            state = polls == 1 && pendingPolls > 0 ? "QUEUED" : polls <= pendingPolls ? "PENDING" : ending;
            return state;
        }
    }

    private final GenesysCloudSandboxProperties properties;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong submitted = new AtomicLong();
    private final FaultBurst failing = new FaultBurst();
    private final FaultBurst expiring = new FaultBurst();

    public GenesysJobs(GenesysCloudSandboxProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public Job submit(Instant from, Instant to) {
        long n = submitted.incrementAndGet();
        String ending = failing.take() || every(properties.failEvery(), n) ? "FAILED"
                : expiring.take() || every(properties.expireEvery(), n) ? "EXPIRED" : "FULFILLED";
        Job job = new Job(UUID.randomUUID().toString(), from, to, clock.instant(), ending);
        jobs.put(job.id(), job);
        return job;
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** The state after this status request. */
    public String poll(Job job) {
        return job.poll(properties.pendingPolls());
    }

    /** The next submitted jobs end FAILED (test hook). */
    public FaultBurst failing() {
        return failing;
    }

    /** The next submitted jobs end EXPIRED (test hook). */
    public FaultBurst expiring() {
        return expiring;
    }

    public long submitted() {
        return submitted.get();
    }

    public void reset() {
        jobs.clear();
        submitted.set(0);
        failing.reset();
        expiring.reset();
    }

    private static boolean every(int every, long n) {
        return every > 0 && n % every == 0;
    }
}
