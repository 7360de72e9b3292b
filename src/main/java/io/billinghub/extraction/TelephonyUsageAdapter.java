package io.billinghub.extraction;

import java.net.URI;

/**
 * A vendor's telephony usage API behind the canonical leg shape: adding a vendor (or the vendor's published API
 * beside the documented one) is a new adapter; rating, reconciliation and the ERP side do not change.
 */
public interface TelephonyUsageAdapter {

    /** The vendor name tenants refer to in configuration. */
    String vendor();

    URI pageUri(TelephonyProperties.Tenant tenant, ExtractionWindow window, int page, int pageSize);

    /** Maps one page; records that cannot be mapped are returned as rejected, never dropped. */
    UsagePage parse(String body, String tenantId, int requestedPage);
}
