package io.billinghub.extraction.org;

import java.time.Instant;
import java.time.YearMonth;

/**
 * Turns one vendor's organisation API into canonical {@link OrgRecord}s. Every request asks for the state as of the
 * snapshot instant (the end of the billing cycle); a response stating another instant is refused, so current and
 * historical state are never mixed.
 */
public interface OrgSnapshotAdapter {

    /** "genesys" or "cxone": the vendor of the tenants this adapter serves. */
    String vendor();

    /** The GET URI of a resource's first page. */
    String firstPage(String baseUrl, OrgResource resource, YearMonth period, Instant snapshot, int pageSize);

    /**
     * Parses one page. Records that cannot be read become {@link io.billinghub.exceptions.RejectedRecord}s
     * (position: resource, page and index); a page whose snapshot instant differs from the requested one, or that is
     * not the expected JSON at all, throws {@link IllegalArgumentException}.
     */
    OrgPage parse(String baseUrl, OrgResource resource, String json, Instant snapshot, int pageSize, int pageNumber);
}
