package io.billinghub.chargeback;

import io.billinghub.extraction.org.OrgCursor;
import io.billinghub.extraction.org.OrgRequest;
import io.billinghub.extraction.org.OrgResource;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where one tenant's organisation extraction is: the resource being extracted, its cursor (the next call and the
 * call number) and the counts so far (records in = accepted + rejected, per resource).
 */
public final class OrgExtractionState {

    private final OrgTenants.Endpoint endpoint;
    private final String extractionId;
    private final YearMonth period;
    private final Instant snapshot;
    private final Instant started;
    private final Deque<OrgResource> pending;
    private OrgResource resource;
    private OrgCursor cursor;
    private long recordsIn;
    private long accepted;
    private long rejected;
    private final Map<String, Object> perResource = new LinkedHashMap<>();

    OrgExtractionState(OrgTenants.Endpoint endpoint, String extractionId, YearMonth period, Instant snapshot,
                       Instant started, int pageSize) {
        this.started = started;
        this.endpoint = endpoint;
        this.extractionId = extractionId;
        this.period = period;
        this.snapshot = snapshot;
        this.pending = new ArrayDeque<>(endpoint.adapter().resources());
        startNext(pageSize);
    }

    /** Used by the route's loop: another page to fetch. */
    public boolean hasMorePages() {
        return resource != null;
    }

    void pageDone(long pageIn, long pageAccepted, long pageRejected, int pageSize) {
        recordsIn += pageIn;
        accepted += pageAccepted;
        rejected += pageRejected;
        perResource.merge(resource.name(), pageIn, (a, b) -> (Long) a + (Long) b);
        if (cursor.next().isEmpty()) {
            startNext(pageSize);
        }
    }

    private void startNext(int pageSize) {
        resource = pending.poll();
        cursor = resource == null ? null
                : endpoint.adapter().cursor(endpoint.baseUrl(), resource, period, snapshot, pageSize);
        if (resource != null) {
            perResource.putIfAbsent(resource.name(), 0L);
            if (cursor.next().isEmpty()) {
                startNext(pageSize);
            }
        }
    }

    OrgTenants.Endpoint endpoint() {
        return endpoint;
    }

    String extractionId() {
        return extractionId;
    }

    Instant snapshot() {
        return snapshot;
    }

    Instant started() {
        return started;
    }

    OrgResource resource() {
        return resource;
    }

    OrgCursor cursor() {
        return cursor;
    }

    Optional<OrgRequest> request() {
        return cursor.next();
    }

    int pageNumber() {
        return cursor.pageNumber();
    }

    long recordsIn() {
        return recordsIn;
    }

    long accepted() {
        return accepted;
    }

    long rejected() {
        return rejected;
    }

    Map<String, Object> perResource() {
        return perResource;
    }
}
