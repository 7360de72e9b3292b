package io.billinghub.extraction;

import io.billinghub.platform.http.OAuthClient;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Telephony usage extraction settings and the tenants to extract. Client secrets come from configuration, which
 * can be backed by a vault; they are never logged (see {@link Tenant#toString()}).
 */
@ConfigurationProperties("hub.telephony")
public record TelephonyProperties(int pageSize, int lookbackDays, int settleHours, List<Tenant> tenants) {

    public TelephonyProperties {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
    }

    public Tenant tenant(String id) {
        return tenants.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no telephony tenant '" + id + "' is configured"));
    }

    /** One vendor tenant and its request budget. */
    public record Tenant(String id, String vendor, String baseUrl, String tokenUrl, String clientId,
                         String clientSecret, int requestsPerSecond) {

        public OAuthClient oauthClient() {
            return new OAuthClient("genesys:" + id, tokenUrl, clientId, clientSecret, null,
                    OAuthClient.Style.BASIC_FORM);
        }

        @Override
        public String toString() {
            return "Tenant[id=" + id + ", vendor=" + vendor + ", baseUrl=" + baseUrl + ", clientId=" + clientId
                    + ", clientSecret=***]";
        }
    }
}
