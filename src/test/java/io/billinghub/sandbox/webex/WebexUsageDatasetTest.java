package io.billinghub.sandbox.webex;

import static io.billinghub.sandbox.webex.WebexTestSupport.PARTNER;
import static io.billinghub.sandbox.webex.WebexTestSupport.SUB_PARTNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WebexUsageDatasetTest {

    private static final String HEADER = "PARTNER_NAME,PARTNER_ORG_ID,SUBSCRIPTION_ID,SERVICE_NAME,SKU,DESCRIPTION,"
            + "CONSUMPTION_START_DATE,CONSUMPTION_END_DATE,QUANTITY,CUSTOMER_ORG_ID,CUSTOMER_EXTERNAL_ID,"
            + "SUBSCRIBER_ID,USER_ID,WORKSPACE_ID,LOCATION_ID,LICENSE_ID";
    private static final String ROW = "Acme,org-partner,sub-1,Webex Calling,SKU-1,Calling,2026-10-01,2026-10-31,"
            + "31,cust-a,EXT-A,subr-1,user-1,,loc-1,lic-1";

    @Test
    void readsTheFixtureWithQuotedValues() {
        WebexUsageDataset dataset = WebexTestSupport.fixture();
        assertThat(dataset.rows()).hasSize(11);
        assertThat(dataset.orgIds()).containsExactly(PARTNER, SUB_PARTNER);
        WebexUsageRow row = dataset.rows().get(6);
        assertThat(row.get(WebexColumn.DESCRIPTION)).isEqualTo("Calling, Professional");
        assertThat(row.get(WebexColumn.CUSTOMER_EXTERNAL_ID)).isEqualTo("EXT-B \"north\"");
        assertThat(row.start()).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(row.quantity()).isEqualByComparingTo(new BigDecimal("26.25"));
        assertThat(dataset.rows().get(2).get(WebexColumn.QUANTITY)).isEqualTo("21.50");
    }

    @Test
    void acceptsCrlfABomAndBlankLines() throws Exception {
        WebexUsageDataset dataset = WebexUsageDataset.read(new StringReader("\uFEFF" + HEADER + "\r\n" + ROW
                + "\r\n\r\n"), "crlf.csv");
        assertThat(dataset.rows()).hasSize(1);
        assertThat(dataset.rows().get(0).get(WebexColumn.LICENSE_ID)).isEqualTo("lic-1");
    }

    @Test
    void refusesAnotherHeaderOrBadRowsNamingTheLine() {
        assertRefused(HEADER.replace("SKU,", "PRODUCT,") + "\n" + ROW, "bad.csv: the header must be");
        assertRefused(HEADER + "\n" + ROW + ",extra", "bad.csv record 2: 16 values expected, found 17");
        assertRefused(HEADER + "\n" + ROW.replace(",31,", ",fifteen,"), "QUANTITY 'fifteen' is not a decimal");
        assertRefused(HEADER + "\n" + ROW.replace("2026-10-31", "2026-09-30"), "is before CONSUMPTION_START_DATE");
        assertRefused(HEADER + "\n" + ROW.replace("2026-10-01", "1/10/2026"), "is not a date YYYY-MM-DD");
    }

    private static void assertRefused(String csv, String message) {
        assertThatThrownBy(() -> WebexUsageDataset.read(new StringReader(csv), "bad.csv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
