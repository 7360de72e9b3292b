package io.billinghub.extraction.org;

import io.billinghub.extraction.TelephonyProperties.Connector;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Turns one vendor's organisation API into canonical {@link OrgRecord}s. Every request asks for the state as of the
 * snapshot instant (the end of the billing cycle); a response stating another instant is refused, so current and
 * historical state are never mixed.
 */
public interface OrgSnapshotAdapter {

    /** "genesys" or "cxone": the vendor of the tenants this adapter serves. */
    String vendor();

    /** Which of the vendor's APIs this adapter calls: the design document's unless it says otherwise. */
    default Connector connector() {
        return Connector.DOCUMENT;
    }

    /**
     * True when every answer is the state as of the snapshot instant; false when the API only gives the current
     * state, so an extraction long after the end of the cycle may differ from the cycle's true state.
     */
    default boolean historical() {
        return true;
    }

    /** The resources extracted, in order. */
    default List<OrgResource> resources() {
        return OrgResource.DOCUMENT;
    }

    /** The cursor of one resource's extraction; by default pages from {@link #firstPage} through {@link #parse}. */
    default OrgCursor cursor(String baseUrl, OrgResource resource, YearMonth period, Instant snapshot, int pageSize) {
        return new PagedCursor(this, baseUrl, resource, period, snapshot, pageSize);
    }

    /** The GET URI of a resource's first page. */
    String firstPage(String baseUrl, OrgResource resource, YearMonth period, Instant snapshot, int pageSize);

    /**
     * Parses one page. Records that cannot be read become {@link io.billinghub.exceptions.RejectedRecord}s
     * (position: resource, page and index); a page whose snapshot instant differs from the requested one, or that is
     * not the expected JSON at all, throws {@link IllegalArgumentException}.
     */
    OrgPage parse(String baseUrl, OrgResource resource, String json, Instant snapshot, int pageSize, int pageNumber);
}
