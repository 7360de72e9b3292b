package io.billinghub.sandbox.webex;

/** The columns of a Webex Wholesale billing report CSV, in the order of a USER report. */
public enum WebexColumn {
    PARTNER_NAME,
    PARTNER_ORG_ID,
    SUBSCRIPTION_ID,
    SERVICE_NAME,
    SKU,
    DESCRIPTION,
    CONSUMPTION_START_DATE,
    CONSUMPTION_END_DATE,
    QUANTITY,
    CUSTOMER_ORG_ID,
    CUSTOMER_EXTERNAL_ID,
    SUBSCRIBER_ID,
    USER_ID,
    WORKSPACE_ID,
    LOCATION_ID,
    LICENSE_ID
}
