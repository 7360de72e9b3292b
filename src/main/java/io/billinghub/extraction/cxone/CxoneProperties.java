package io.billinghub.extraction.cxone;

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

    /** One CXone tenant: its API, credentials (vault placeholders allowed), budget and reporting time zone. */
    public record Tenant(String id, String baseUrl, String tokenUrl, String clientId, String clientSecret,
                         String scope, int requestsPerSecond, ZoneId reportingTimeZone, String currency) {

        public OAuthClient oauthClient() {
            return new OAuthClient("cxone:" + id, tokenUrl, clientId, clientSecret, scope, OAuthClient.Style.JSON_BODY);
        }

        @Override
        public String toString() {
            return "Tenant[id=" + id + ", baseUrl=" + baseUrl + ", clientId=***, clientSecret=***]";
        }
    }
}
