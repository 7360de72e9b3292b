package io.billinghub.chargeback;

import io.billinghub.extraction.org.OrgResource;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one tenant's organisation extraction is: the resource being paged, the next page's URI, the page number and
 * the counts so far (records in = accepted + rejected, per resource).
 */
public final class OrgExtractionState {

    private final OrgTenants.Endpoint endpoint;
    private final String extractionId;
    private final YearMonth period;
    private final Instant snapshot;
    private final Instant started;
    private final Deque<OrgResource> pending;
    private OrgResource resource;
    private String nextUri;
    private int pageNumber;
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
        this.pending = new ArrayDeque<>(List.of(OrgResource.values()));
        startNext(pageSize);
    }

    /** Used by the route's loop: another page to fetch. */
    public boolean hasMorePages() {
        return resource != null;
    }

    void pageDone(String next, long pageIn, long pageAccepted, long pageRejected, int pageSize) {
        recordsIn += pageIn;
        accepted += pageAccepted;
        rejected += pageRejected;
        perResource.merge(resource.name(), pageIn, (a, b) -> (Long) a + (Long) b);
        if (next != null) {
            nextUri = next;
            pageNumber++;
        } else {
            startNext(pageSize);
        }
    }

    private void startNext(int pageSize) {
        resource = pending.poll();
        pageNumber = 1;
        nextUri = resource == null ? null
                : endpoint.adapter().firstPage(endpoint.baseUrl(), resource, period, snapshot, pageSize);
        if (resource != null) {
            perResource.putIfAbsent(resource.name(), 0L);
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

    String nextUri() {
        return nextUri;
    }

    int pageNumber() {
        return pageNumber;
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
