package io.billinghub.extraction.webex;

import io.billinghub.platform.http.OAuthClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webex wholesale billing: partners, report polling and download, the report columns required per level, and the
 * reconciliation tolerances.
 *
 * @param reportTypes         the levels extracted per partner scope; the finest one present is priced and rebilled,
 *                            the others are checked against it
 * @param listPageSize        the {@code max} of a report list request (1 to 100)
 * @param downloadLinkValidity how long a tempDownloadURL is valid after the GET that returned it (Webex: 30 min)
 * @param downloadLinkMargin  a link this close to its expiry is refreshed (GET the report again) before use
 * @param downloadLinkRefreshes how many times a link refused as expired is refreshed before the extraction fails
 * @param requiredColumns     per level, the CSV columns without which a report is rejected whole
 * @param quantityTolerance   usage and invoice quantities of a SKU or customer may differ by this much
 * @param amountTolerance     usage and invoice amounts may differ by this much per invoice line (rounding)
 */
@ConfigurationProperties("hub.webex")
public record WebexProperties(
        List<Partner> partners,
        List<ReportType> reportTypes,
        int listPageSize,
        Duration pollInitialDelay,
        Duration pollMaxDelay,
        double pollJitter,
        Duration reportTimeout,
        Duration downloadLinkValidity,
        Duration downloadLinkMargin,
        int downloadLinkRefreshes,
        int stageBatchSize,
        Map<ReportType, List<String>> requiredColumns,
        BigDecimal quantityTolerance,
        BigDecimal amountTolerance) {

    /** The pipeline's name in runs, exception cases and ERP batches. */
    public static final String PIPELINE = "webex-wholesale";

    public WebexProperties {
        partners = partners == null ? List.of() : List.copyOf(partners);
        reportTypes = reportTypes == null || reportTypes.isEmpty() ? List.of(ReportType.USER)
                : List.copyOf(reportTypes);
        requiredColumns = requiredColumns == null ? Map.of() : Map.copyOf(requiredColumns);
        if (!reportTypes.contains(ReportType.USER) && !reportTypes.contains(ReportType.CUSTOMER)) {
            throw new IllegalArgumentException("hub.webex.report-types must include USER or CUSTOMER: customers are"
                    + " rebilled from one of them");
        }
        if (listPageSize < 1 || listPageSize > 100) {
            throw new IllegalArgumentException("hub.webex.list-page-size must be 1 to 100, not " + listPageSize);
        }
    }

    public Partner partner(String id) {
        return partners.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Webex partner '" + id + "' is configured"));
    }

    public List<String> requiredColumns(ReportType type) {
        return requiredColumns.getOrDefault(type, List.of());
    }

    /** The level that is priced and rebilled: the finest extracted. */
    public ReportType pricedType() {
        return reportTypes.contains(ReportType.USER) ? ReportType.USER : ReportType.CUSTOMER;
    }

    /**
     * One partner organisation: its API and integration credentials (vault placeholders allowed), and the
     * sub-partners whose customers it is invoiced for.
     */
    public record Partner(String id, String orgId, List<String> subPartnerOrgIds, String baseUrl, String tokenUrl,
                          String clientId, String clientSecret, String refreshToken, int requestsPerSecond) {

        public Partner {
            subPartnerOrgIds = subPartnerOrgIds == null ? List.of() : List.copyOf(subPartnerOrgIds);
        }

        public OAuthClient oauthClient() {
            return new OAuthClient("webex:" + id, tokenUrl, clientId, clientSecret, null,
                    OAuthClient.Style.REFRESH_TOKEN_FORM, refreshToken);
        }

        @Override
        public String toString() {
            return "Partner[id=" + id + ", orgId=" + orgId + ", baseUrl=" + baseUrl
                    + ", clientId=***, clientSecret=***, refreshToken=***]";
        }
    }
}
