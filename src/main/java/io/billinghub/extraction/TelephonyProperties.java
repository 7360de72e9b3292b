package io.billinghub.extraction;

import io.billinghub.platform.http.OAuthClient;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Telephony usage extraction settings and the tenants to extract. Client secrets come from configuration, which
 * can be backed by a vault; they are never logged (see {@link Tenant#toString()}).
 */
@ConfigurationProperties("hub.telephony")
public record TelephonyProperties(int pageSize, int lookbackDays, int settleHours, List<Tenant> tenants,
                                  GenesysJobs genesysJobs) {

    public TelephonyProperties {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
        genesysJobs = genesysJobs == null ? new GenesysJobs(null, null, null, null, 0, 0) : genesysJobs;
    }

    /**
     * The analytics conversation details jobs of the published Genesys connector.
     *
     * @param pollInitialDelay wait before the first status request, doubling up to pollMaxDelay (default 1 s, 60 s)
     * @param pollJitter       each wait spread by ± this share (default 0.2)
     * @param jobTimeout       a job still QUEUED or PENDING this long after its submission ends the window with a
     *                         GENESYS_JOB_TIMEOUT case (default 30 min)
     * @param resultsPageSize  conversations per results page (default 1000)
     * @param maxSubmissions   jobs submitted for one window when they keep EXPIRING before they are read (default 3)
     */
    public record GenesysJobs(Duration pollInitialDelay, Duration pollMaxDelay, Double pollJitter,
                              Duration jobTimeout, int resultsPageSize, int maxSubmissions) {

        public GenesysJobs {
            pollInitialDelay = pollInitialDelay == null ? Duration.ofSeconds(1) : pollInitialDelay;
            pollMaxDelay = pollMaxDelay == null ? Duration.ofSeconds(60) : pollMaxDelay;
            pollJitter = pollJitter == null ? 0.2 : pollJitter;
            jobTimeout = jobTimeout == null ? Duration.ofMinutes(30) : jobTimeout;
            resultsPageSize = resultsPageSize <= 0 ? 1000 : resultsPageSize;
            maxSubmissions = maxSubmissions <= 0 ? 3 : maxSubmissions;
        }
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
