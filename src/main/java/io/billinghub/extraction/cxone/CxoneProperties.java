package io.billinghub.extraction.cxone;

import io.billinghub.extraction.TelephonyProperties.Connector;
import io.billinghub.platform.http.OAuthClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The CXone billing reconciliation: tenants, report polling, normalisation and reconciliation settings.
 *
 * @param glAmountBasis        GL amounts before or after tax: PRE_TAX or POST_TAX, never both
 * @param taxTolerance         a line's taxAmount may differ from costAmount × taxRate by this much (rounding)
 * @param varianceTolerancePercent above this relative variance a group is an EXCEPTION, below ROUNDING_DRIFT
 * @param prorationTolerance   a prorated licence may differ from its expected amount by this much
 * @param finalBusinessDay     the business day of the next month on which invoices are final (6th)
 */
@ConfigurationProperties("hub.cxone")
public record CxoneProperties(
        List<Tenant> tenants,
        int pageSize,
        Duration pollInitialDelay,
        Duration pollMaxDelay,
        double pollJitter,
        Duration reportTimeout,
        Duration reportReuse,
        GlAmountBasis glAmountBasis,
        BigDecimal taxTolerance,
        BigDecimal varianceTolerancePercent,
        BigDecimal prorationTolerance,
        int finalBusinessDay,
        String webhookSecret) {

    /** The pipeline's name in runs, exception cases and ERP batches. */
    public static final String PIPELINE = "cxone-gl";

    public CxoneProperties {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
    }

    public enum GlAmountBasis {
        PRE_TAX,
        POST_TAX
    }

    /** Keeps the webhook secret out of logs and error messages that print the settings. */
    @Override
    public String toString() {
        return "CxoneProperties[tenants=" + tenants + ", glAmountBasis=" + glAmountBasis + ", finalBusinessDay="
                + finalBusinessDay + ", webhookSecret=***]";
    }

    public Tenant tenant(String id) {
        return tenants.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no CXone tenant '" + id + "' is configured"));
    }

    /** Where a PUBLISHED tenant's month of contacts comes from. */
    public enum PublishedSource {
        /** The Reporting API's completed contacts, paged with top/skip. */
        CONTACTS,
        /** One Data Extraction job for the month: create, wait, download its file. */
        DATA_EXTRACTION
    }

    /**
     * One CXone tenant: its API, credentials (vault placeholders allowed), budget and reporting time zone.
     *
     * @param connector       which API the hub extracts through: the design document's ({@code DOCUMENT}, the
     *                        default: baseUrl, tokenUrl, clientId, clientSecret, scope) or the one NICE publishes
     *                        ({@code PUBLISHED}: issuer, cxoneTenantId, accessKeyId, accessKeySecret, clientId,
     *                        clientSecret; the API host is discovered)
     * @param issuer          PUBLISHED: the authentication issuer, e.g. https://cxone.niceincontact.com (token at
     *                        {issuer}/auth/token, discovery at {issuer}/.well-known/cxone-configuration)
     * @param cxoneTenantId   PUBLISHED: the tenant's id at NICE, the key of the API discovery
     * @param accessKeyId     PUBLISHED: access key id of the CXone user the hub acts as (the password grant's
     *                        username)
     * @param accessKeySecret PUBLISHED: that access key's secret (the password grant's password)
     * @param servicesVersion PUBLISHED: the version of the inContactAPI services path, e.g. 31.0 for
     *                        /inContactAPI/services/v31.0/contacts/completed
     * @param publishedSource PUBLISHED: where the month's contacts come from: CONTACTS (the default, the Reporting
     *                        API's completed contacts, paged) or DATA_EXTRACTION (one Data Extraction job for the
     *                        bulk month, its file downloaded once)
     * @param jobInterval     PUBLISHED, DATA_EXTRACTION: at least this long between two calls of the Data Extraction
     *                        API of the tenant (NICE allows about one per 30 s; the default)
     * @param jobEntity       PUBLISHED, DATA_EXTRACTION: the entityName of the job (default completed-contacts, an
     *                        entity of the sandbox only: NICE publishes entities such as
     *                        recording-interaction-metadata, whose CSV file the hub does not map yet; the job file
     *                        is read as completed contacts)
     * @param jobEntityVersion PUBLISHED, DATA_EXTRACTION: the entity's version (default 1)
     */
    public record Tenant(String id, Connector connector, String baseUrl, String tokenUrl, String clientId,
                         String clientSecret, String scope, String issuer, String cxoneTenantId, String accessKeyId,
                         String accessKeySecret, String servicesVersion, PublishedSource publishedSource,
                         Duration jobInterval, String jobEntity, String jobEntityVersion, int requestsPerSecond,
                         ZoneId reportingTimeZone, String currency) {

        public Tenant {
            connector = connector == null ? Connector.DOCUMENT : connector;
            servicesVersion = servicesVersion == null || servicesVersion.isBlank() ? "31.0" : servicesVersion.trim();
            publishedSource = publishedSource == null ? PublishedSource.CONTACTS : publishedSource;
            jobInterval = jobInterval == null ? Duration.ofSeconds(30) : jobInterval;
            jobEntity = blank(jobEntity) ? "completed-contacts" : jobEntity.trim();
            jobEntityVersion = blank(jobEntityVersion) ? "1" : jobEntityVersion.trim();
            if (connector == Connector.PUBLISHED && (blank(issuer) || blank(cxoneTenantId) || blank(accessKeyId)
                    || blank(accessKeySecret) || blank(clientId) || blank(clientSecret))) {
                throw new IllegalArgumentException("CXone tenant " + id + " uses the PUBLISHED connector: it needs"
                        + " issuer, cxone-tenant-id, access-key-id, access-key-secret, client-id and client-secret");
            }
            if (issuer != null && issuer.endsWith("/")) {
                issuer = issuer.substring(0, issuer.length() - 1);
            }
        }

        public OAuthClient oauthClient() {
            if (connector == Connector.PUBLISHED) {
                return OAuthClient.passwordBasic("cxone:" + id, issuer + "/auth/token", clientId, clientSecret,
                        accessKeyId, accessKeySecret);
            }
            return new OAuthClient("cxone:" + id, tokenUrl, clientId, clientSecret, scope, OAuthClient.Style.JSON_BODY);
        }

        public boolean published() {
            return connector == Connector.PUBLISHED;
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

        @Override
        public String toString() {
            return "Tenant[id=" + id + ", connector=" + connector + ", publishedSource=" + publishedSource
                    + ", baseUrl=" + baseUrl + ", issuer=" + issuer
                    + ", cxoneTenantId=" + cxoneTenantId + ", clientId=***, clientSecret=***, accessKeyId=***,"
                    + " accessKeySecret=***]";
        }
    }
}
