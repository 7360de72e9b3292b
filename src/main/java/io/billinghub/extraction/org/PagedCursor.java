package io.billinghub.extraction.org;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;

/** The cursor of a resource paged through GETs whose answers name the next page: the design documents' shape. */
final class PagedCursor implements OrgCursor {

    private final OrgSnapshotAdapter adapter;
    private final String baseUrl;
    private final OrgResource resource;
    private final Instant snapshot;
    private final int pageSize;
    private String nextUri;
    private int pageNumber = 1;

    PagedCursor(OrgSnapshotAdapter adapter, String baseUrl, OrgResource resource, YearMonth period,
                Instant snapshot, int pageSize) {
        this.adapter = adapter;
        this.baseUrl = baseUrl;
        this.resource = resource;
        this.snapshot = snapshot;
        this.pageSize = pageSize;
        this.nextUri = adapter.firstPage(baseUrl, resource, period, snapshot, pageSize);
    }

    @Override
    public Optional<OrgRequest> next() {
        return Optional.ofNullable(nextUri).map(OrgRequest::get);
    }

    @Override
    public OrgPage accept(int status, String body) {
        OrgPage page = adapter.parse(baseUrl, resource, body, snapshot, pageSize, pageNumber);
        nextUri = page.nextUri().orElse(null);
        pageNumber++;
        return page;
    }

    @Override
    public int pageNumber() {
        return pageNumber;
    }
}
