package io.billinghub.sandbox.webex;

import static io.billinghub.sandbox.webex.WebexColumn.CONSUMPTION_END_DATE;
import static io.billinghub.sandbox.webex.WebexColumn.CONSUMPTION_START_DATE;
import static io.billinghub.sandbox.webex.WebexColumn.CUSTOMER_EXTERNAL_ID;
import static io.billinghub.sandbox.webex.WebexColumn.CUSTOMER_ORG_ID;
import static io.billinghub.sandbox.webex.WebexColumn.DESCRIPTION;
import static io.billinghub.sandbox.webex.WebexColumn.LICENSE_ID;
import static io.billinghub.sandbox.webex.WebexColumn.LOCATION_ID;
import static io.billinghub.sandbox.webex.WebexColumn.PARTNER_NAME;
import static io.billinghub.sandbox.webex.WebexColumn.PARTNER_ORG_ID;
import static io.billinghub.sandbox.webex.WebexColumn.QUANTITY;
import static io.billinghub.sandbox.webex.WebexColumn.SERVICE_NAME;
import static io.billinghub.sandbox.webex.WebexColumn.SKU;
import static io.billinghub.sandbox.webex.WebexColumn.SUBSCRIPTION_ID;

import java.util.List;

/**
 * The level of a billing report: which columns its CSV has and which of them group the USER rows (the others are
 * the consumption dates, min and max, and the summed QUANTITY). A USER report is not grouped.
 */
public enum WebexReportType {

    PARTNER(List.of(PARTNER_NAME, PARTNER_ORG_ID, SUBSCRIPTION_ID, SERVICE_NAME, SKU, DESCRIPTION,
            CONSUMPTION_START_DATE, CONSUMPTION_END_DATE, QUANTITY),
            List.of(PARTNER_NAME, PARTNER_ORG_ID, SUBSCRIPTION_ID, SERVICE_NAME, SKU, DESCRIPTION)),
    CUSTOMER(List.of(PARTNER_NAME, PARTNER_ORG_ID, SUBSCRIPTION_ID, SERVICE_NAME, SKU, DESCRIPTION,
            CONSUMPTION_START_DATE, CONSUMPTION_END_DATE, QUANTITY, CUSTOMER_ORG_ID, CUSTOMER_EXTERNAL_ID,
            LOCATION_ID, LICENSE_ID),
            List.of(PARTNER_NAME, PARTNER_ORG_ID, SUBSCRIPTION_ID, SERVICE_NAME, SKU, DESCRIPTION, CUSTOMER_ORG_ID,
                    CUSTOMER_EXTERNAL_ID, LOCATION_ID, LICENSE_ID)),
    USER(List.of(WebexColumn.values()), List.of());

    private final List<WebexColumn> columns;
    private final List<WebexColumn> groupKey;

    WebexReportType(List<WebexColumn> columns, List<WebexColumn> groupKey) {
        this.columns = columns;
        this.groupKey = groupKey;
    }

    /** The CSV's columns, in order. */
    public List<WebexColumn> columns() {
        return columns;
    }

    /** The columns whose values make one output row; empty for USER (rows as they are). */
    public List<WebexColumn> groupKey() {
        return groupKey;
    }

    /**
     * The type named in a request; PARTNER when absent.
     *
     * @throws WebexApiException 400 for any other value
     */
    static WebexReportType parse(String value) {
        if (value == null) {
            return PARTNER;
        }
        for (WebexReportType type : values()) {
            if (type.name().equals(value)) {
                return type;
            }
        }
        throw WebexApiException.badRequest("type must be PARTNER, CUSTOMER or USER, was '" + value + "'");
    }
}
