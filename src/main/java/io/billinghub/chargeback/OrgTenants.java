package io.billinghub.chargeback;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.extraction.TelephonyProperties;
import io.billinghub.extraction.TelephonyProperties.Connector;
import io.billinghub.extraction.cxone.CxoneApiDiscovery;
import io.billinghub.extraction.cxone.CxoneProperties;
import io.billinghub.extraction.org.CxonePublishedOrgAdapter;
import io.billinghub.extraction.org.CxonePublishedOrgProperties;
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
    private final CxoneApiDiscovery discovery;
    private final List<OrgSnapshotAdapter> adapters;
    private final CxonePublishedOrgProperties cxonePublished;
    private final ObjectMapper json;

    public OrgTenants(TelephonyProperties telephony, CxoneProperties cxone, CxoneApiDiscovery discovery,
                      ObjectProvider<OrgSnapshotAdapter> adapters, CxonePublishedOrgProperties cxonePublished,
                      ObjectMapper json) {
        this.telephony = telephony;
        this.cxone = cxone;
        this.discovery = discovery;
        this.adapters = adapters.orderedStream().toList();
        this.cxonePublished = cxonePublished;
        this.json = json;
    }

    public Endpoint endpoint(ChargebackProperties.TenantRef ref) {
        if ("cxone".equals(ref.vendor())) {
            CxoneProperties.Tenant t = cxone.tenant(ref.id());
            OrgSnapshotAdapter document = adapter(ref.vendor(), Connector.DOCUMENT);
            if (!t.published()) {
                return new Endpoint(ref, document, t.baseUrl(), t.oauthClient(), t.requestsPerSecond());
            }
            // a PUBLISHED tenant's token is valid only on its discovered API host, where its usage is read too (it
            // has no base-url of the document's API); its services version is in the published agents' path
            return new Endpoint(ref, new CxonePublishedOrgAdapter(document, cxonePublished, json,
                    t.servicesVersion()), discovery.apiEndpoint(t), t.oauthClient(), t.requestsPerSecond());
        }
        TelephonyProperties.Tenant t = telephony.tenant(ref.id());
        return new Endpoint(ref, adapter(ref.vendor(), t.connector()), t.baseUrl(), t.oauthClient(),
                t.requestsPerSecond());
    }

    /** The adapter of the vendor's API the tenant is configured for (the design document's or the published). */
    private OrgSnapshotAdapter adapter(String vendor, Connector connector) {
        return adapters.stream().filter(a -> a.vendor().equals(vendor) && a.connector() == connector).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + connector + " organisation adapter for vendor"
                        + " '" + vendor + "' (genesys: DOCUMENT or PUBLISHED, cxone: DOCUMENT)"));
    }
}
