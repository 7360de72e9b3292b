package io.billinghub.sandbox.webex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebexReportCsvTest {

    @Test
    void headerThenRowsWithCrlfAndQuotingOnlyWhereNeeded() throws Exception {
        StringWriter out = new StringWriter();
        WebexReportCsv.write(WebexReportType.PARTNER, List.of(
                List.of("Acme", "org-1", "sub-1", "Webex Calling", "SKU-1", "Calling, Professional", "2026-10-01",
                        "2026-10-31", "15.5"),
                List.of("Acme", "org-1", "sub-2", "Webex Meetings", "SKU-2", "Say \"hi\"\nnext line", "2026-10-01",
                        "2026-10-31", "3")), out);
        assertThat(out.toString()).isEqualTo("PARTNER_NAME,PARTNER_ORG_ID,SUBSCRIPTION_ID,SERVICE_NAME,SKU,"
                + "DESCRIPTION,CONSUMPTION_START_DATE,CONSUMPTION_END_DATE,QUANTITY\r\n"
                + "Acme,org-1,sub-1,Webex Calling,SKU-1,\"Calling, Professional\",2026-10-01,2026-10-31,15.5\r\n"
                + "Acme,org-1,sub-2,Webex Meetings,SKU-2,\"Say \"\"hi\"\"\nnext line\",2026-10-01,2026-10-31,3\r\n");
    }

    @Test
    void eachTypeHasItsColumns() throws Exception {
        StringWriter customer = new StringWriter();
        WebexReportCsv.write(WebexReportType.CUSTOMER, List.of(), customer);
        assertThat(customer.toString()).isEqualTo("PARTNER_NAME,PARTNER_ORG_ID,SUBSCRIPTION_ID,SERVICE_NAME,SKU,"
                + "DESCRIPTION,CONSUMPTION_START_DATE,CONSUMPTION_END_DATE,QUANTITY,CUSTOMER_ORG_ID,"
                + "CUSTOMER_EXTERNAL_ID,LOCATION_ID,LICENSE_ID\r\n");
        StringWriter user = new StringWriter();
        WebexReportCsv.write(WebexReportType.USER, List.of(), user);
        assertThat(user.toString()).isEqualTo("PARTNER_NAME,PARTNER_ORG_ID,SUBSCRIPTION_ID,SERVICE_NAME,SKU,"
                + "DESCRIPTION,CONSUMPTION_START_DATE,CONSUMPTION_END_DATE,QUANTITY,CUSTOMER_ORG_ID,"
                + "CUSTOMER_EXTERNAL_ID,SUBSCRIBER_ID,USER_ID,WORKSPACE_ID,LOCATION_ID,LICENSE_ID\r\n");
    }
}
