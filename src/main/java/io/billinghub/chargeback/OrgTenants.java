package io.billinghub.chargeback;

import io.billinghub.extraction.TelephonyProperties;
import io.billinghub.extraction.cxone.CxoneProperties;
import io.billinghub.extraction.org.OrgSnapshotAdapter;
import io.billinghub.platform.http.OAuthClient;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Resolves a chargeback tenant to its vendor adapter, API base URL, OAuth client and request budget. */
@Component
public class OrgTenants {

    /** What the extraction needs to call one tenant's API. */
    public record Endpoint(ChargebackProperties.TenantRef ref, OrgSnapshotAdapter adapter, String baseUrl,
                           OAuthClient client, int requestsPerSecond) {
    }

    private final TelephonyProperties telephony;
    private final CxoneProperties cxone;
    private final List<OrgSnapshotAdapter> adapters;

    public OrgTenants(TelephonyProperties telephony, CxoneProperties cxone,
                      ObjectProvider<OrgSnapshotAdapter> adapters) {
        this.telephony = telephony;
        this.cxone = cxone;
        this.adapters = adapters.orderedStream().toList();
    }

    public Endpoint endpoint(ChargebackProperties.TenantRef ref) {
        OrgSnapshotAdapter adapter = adapters.stream().filter(a -> a.vendor().equals(ref.vendor())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no organisation adapter for vendor '"
                        + ref.vendor() + "' (genesys or cxone)"));
        if ("cxone".equals(ref.vendor())) {
            CxoneProperties.Tenant t = cxone.tenant(ref.id());
            return new Endpoint(ref, adapter, t.baseUrl(), t.oauthClient(), t.requestsPerSecond());
        }
        TelephonyProperties.Tenant t = telephony.tenant(ref.id());
        return new Endpoint(ref, adapter, t.baseUrl(), t.oauthClient(), t.requestsPerSecond());
    }
}
