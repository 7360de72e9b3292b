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

    /**
     * One vendor tenant and its request budget.
     *
     * @param connector   which of the vendor's APIs the hub calls: the design document's ({@link Connector#DOCUMENT},
     *                    the default) or the one the vendor publishes ({@link Connector#PUBLISHED})
     * @param environment the Genesys Cloud region's domain (mypurecloud.com, mypurecloud.ie, usw2.pure.cloud...):
     *                    when set, the API is {@code https://api.{environment}} and the token endpoint
     *                    {@code https://login.{environment}/oauth/token} unless baseUrl or tokenUrl say otherwise
     */
    public record Tenant(String id, String vendor, Connector connector, String environment, String baseUrl,
                         String tokenUrl, String clientId, String clientSecret, int requestsPerSecond) {

        public Tenant {
            connector = connector == null ? Connector.DOCUMENT : connector;
            if (environment != null && !environment.isBlank()) {
                String domain = environment.trim();
                baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://api." + domain : baseUrl;
                tokenUrl = tokenUrl == null || tokenUrl.isBlank() ? "https://login." + domain + "/oauth/token"
                        : tokenUrl;
            }
            if (baseUrl == null || baseUrl.isBlank() || tokenUrl == null || tokenUrl.isBlank()) {
                throw new IllegalArgumentException("telephony tenant " + id
                        + " needs an environment (Genesys Cloud region) or both base-url and token-url");
            }
        }

        public OAuthClient oauthClient() {
            return new OAuthClient("genesys:" + id, tokenUrl, clientId, clientSecret, null,
                    OAuthClient.Style.BASIC_FORM);
        }

        @Override
        public String toString() {
            return "Tenant[id=" + id + ", vendor=" + vendor + ", connector=" + connector + ", baseUrl=" + baseUrl
                    + ", clientId=" + clientId + ", clientSecret=***]";
        }
    }

    /** The API a tenant is extracted through. */
    public enum Connector {
        /** The endpoints as the design documents describe them. */
        DOCUMENT,
        /** The endpoints the vendor publishes. */
        PUBLISHED
    }
}
