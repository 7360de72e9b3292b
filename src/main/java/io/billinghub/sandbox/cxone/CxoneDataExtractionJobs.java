package io.billinghub.sandbox.cxone;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * NICE's Data Extraction jobs in the sandbox: a job is RUNNING for {@code runningPolls} status requests, then ends
 * SUCCEEDED (unless a test queued another outcome: FAILED, CANCELLED, EXPIRED). Every status request of a SUCCEEDED
 * job issues a fresh download link valid {@code linkValidity} of the sandbox clock. The API admits one call per
 * {@code callInterval} (0 = any): a faster call is refused, as NICE's about one call per 30 s per tenant. The job
 * states, the short-lived links and the pacing follow NICE's documentation; the entity ({@value #ENTITY}) and its file
 * (completed contacts in the Reporting API's JSON shape) are the sandbox's own: NICE's published entities
 * (recording interaction metadata, QM workflow, WFM payroll) deliver CSV files of other columns.
 */
public final class CxoneDataExtractionJobs {

    public static final String ENTITY = "completed-contacts";

    /** A job's status as the API reports it. */
    public record Status(String id, String status, String url, String errorMessage) {
    }

    private static final class Job {
        private final String id;
        private final Instant startDate;
        private final Instant endDate;
        private final String outcome;
        private int polls;
        private String linkToken;
        private Instant linkExpiry;

        Job(String id, Instant startDate, Instant endDate, String outcome) {
            this.id = id;
            this.startDate = startDate;
            this.endDate = endDate;
            this.outcome = outcome;
        }
    }

    private final int runningPolls;
    private final Duration linkValidity;
    private final Duration callInterval;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Job> jobs = new HashMap<>();
    private final Deque<String> outcomes = new ArrayDeque<>();
    private int expiredLinks;
    private int jobCounter;
    private long refusedCalls;
    private Instant lastCall;

    public CxoneDataExtractionJobs(int runningPolls, Duration linkValidity, Duration callInterval, Clock clock) {
        this.runningPolls = runningPolls;
        this.linkValidity = linkValidity;
        this.callInterval = callInterval;
        this.clock = clock;
    }

    /** Counts a call of the jobs API; false when it comes sooner than the call interval after the previous one. */
    public synchronized boolean admit() {
        Instant now = clock.instant();
        if (lastCall != null && !callInterval.isZero() && now.isBefore(lastCall.plus(callInterval))) {
            refusedCalls++;
            return false;
        }
        lastCall = now;
        return true;
    }

    public synchronized String create(Instant startDate, Instant endDate) {
        String id = String.format("dex-%04d", ++jobCounter);
        jobs.put(id, new Job(id, startDate, endDate, outcomes.isEmpty() ? "SUCCEEDED" : outcomes.poll()));
        return id;
    }

    /** The job's status after one more status request; empty for an unknown job. */
    public synchronized Optional<Status> status(String id, String filesBase) {
        Job job = jobs.get(id);
        if (job == null) {
            return Optional.empty();
        }
        job.polls++;
        if (job.polls <= runningPolls) {
            return Optional.of(new Status(id, "RUNNING", null, null));
        }
        return switch (job.outcome) {
            case "SUCCEEDED" -> {
                byte[] token = new byte[16];
                random.nextBytes(token);
                job.linkToken = HexFormat.of().formatHex(token);
                job.linkExpiry = expiredLinks > 0 ? clock.instant() : clock.instant().plus(linkValidity);
                expiredLinks = Math.max(0, expiredLinks - 1);
                yield Optional.of(new Status(id, "SUCCEEDED", filesBase + "/" + id + "/" + job.linkToken, null));
            }
            case "FAILED" -> Optional.of(new Status(id, "FAILED", null, "The extraction failed (sandbox)"));
            default -> Optional.of(new Status(id, job.outcome, null, null));
        };
    }

    /** The job's window when the link is the job's latest and still valid; empty when unknown or expired. */
    public synchronized Optional<Instant[]> download(String id, String token) {
        Job job = jobs.get(id);
        if (job == null || job.linkToken == null || !job.linkToken.equals(token)
                || !clock.instant().isBefore(job.linkExpiry)) {
            return Optional.empty();
        }
        return Optional.of(new Instant[] {job.startDate, job.endDate});
    }

    /** A test hook: the next jobs end so (FAILED, CANCELLED, EXPIRED, SUCCEEDED), in order, until reset. */
    public synchronized void outcomes(List<String> next) {
        outcomes.addAll(next);
    }

    /** A test hook: the next {@code links} download links are issued already expired. */
    public synchronized void expireLinks(int links) {
        expiredLinks = links;
    }

    /** Calls refused for coming too soon since the last reset. */
    public synchronized long refusedCalls() {
        return refusedCalls;
    }

    public synchronized void reset() {
        jobs.clear();
        outcomes.clear();
        expiredLinks = 0;
        jobCounter = 0;
        refusedCalls = 0;
        lastCall = null;
    }
}
