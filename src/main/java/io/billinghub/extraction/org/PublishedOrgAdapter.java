package io.billinghub.extraction.org;

import io.billinghub.extraction.TelephonyProperties.Connector;
import java.time.Instant;
import java.time.YearMonth;

/**
 * What both vendors' PUBLISHED organisation adapters share: the published APIs give the current state only
 * ({@link #historical()} is false, so an extraction long after the cycle is flagged), and every resource an adapter
 * has no published counterpart for is paged through the vendor's document-shaped adapter.
 */
abstract class PublishedOrgAdapter implements OrgSnapshotAdapter {

    private final OrgSnapshotAdapter document;

    PublishedOrgAdapter(OrgSnapshotAdapter document) {
        this.document = document;
    }

    @Override
    public String vendor() {
        return document.vendor();
    }

    @Override
    public Connector connector() {
        return Connector.PUBLISHED;
    }

    @Override
    public boolean historical() {
        return false;
    }

    @Override
    public String firstPage(String baseUrl, OrgResource resource, YearMonth period, Instant snapshot, int pageSize) {
        return document.firstPage(baseUrl, resource, period, snapshot, pageSize);
    }

    @Override
    public OrgPage parse(String baseUrl, OrgResource resource, String body, Instant snapshot, int pageSize,
                         int pageNumber) {
        return document.parse(baseUrl, resource, body, snapshot, pageSize, pageNumber);
    }
}
