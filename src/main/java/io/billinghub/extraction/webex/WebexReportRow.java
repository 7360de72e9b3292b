package io.billinghub.extraction.webex;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of a Webex wholesale billing report, whatever its level (columns a level lacks are empty strings).
 * QUANTITY is the sum over the billing period of per-day prorated usage: a full day counts 1, half a day 0.5.
 *
 * @param recordNo the row's position in the file (the header is record 1)
 */
public record WebexReportRow(long recordNo, String partnerName, String partnerOrgId, String subscriptionId,
                             String serviceName, String sku, String description, LocalDate consumptionStart,
                             LocalDate consumptionEnd, BigDecimal quantity, String customerOrgId,
                             String customerExternalId, String subscriberId, String userId, String workspaceId,
                             String locationId, String licenseId, String raw) {

    /** The identity a report row must not repeat at its level: package/location/licence id, per customer or user. */
    public String identity(ReportType type) {
        StringBuilder key = new StringBuilder(partnerOrgId).append('|').append(subscriptionId).append('|')
                .append(sku);
        if (type != ReportType.PARTNER) {
            key.append('|').append(customerOrgId).append('|').append(locationId).append('|').append(licenseId);
        }
        if (type == ReportType.USER) {
            key.append('|').append(subscriberId).append('|').append(userId).append('|').append(workspaceId);
        }
        return key.toString();
    }

    /** Who consumed: the user, else the workspace, else the subscriber. */
    public String consumer() {
        return !userId.isEmpty() ? userId : !workspaceId.isEmpty() ? workspaceId : subscriberId;
    }
}
