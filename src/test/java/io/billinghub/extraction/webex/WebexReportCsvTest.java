package io.billinghub.extraction.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebexReportCsvTest {

    private static final BillingWindow OCTOBER = new BillingWindow(LocalDate.parse("2026-10-01"),
            LocalDate.parse("2026-10-31"));
    private static final List<String> USER_REQUIRED = List.of("PARTNER_ORG_ID", "SKU", "CONSUMPTION_START_DATE",
            "CONSUMPTION_END_DATE", "QUANTITY", "CUSTOMER_ORG_ID", "CUSTOMER_EXTERNAL_ID", "SUBSCRIBER_ID");

    private static List<WebexReportCsv.Item> read(String csv, ReportType type, List<String> required) {
        List<WebexReportCsv.Item> items = new ArrayList<>();
        try (WebexReportCsv reader = WebexReportCsv.open(new StringReader(csv), type, required, OCTOBER)) {
            reader.forEachRemaining(items::add);
        }
        return items;
    }

    @Test
    void columnsAreFoundByNameInAnyOrderAndCaseWithExtraColumnsTolerated() {
        // header reordered, lower case with blanks, a BOM, and two columns the hub does not know
        String csv = "\uFEFFsku , quantity,Customer_Org_Id,CUSTOMER_EXTERNAL_ID,PARTNER_ORG_ID,CONSUMPTION_START_DATE,"
                + "CONSUMPTION_END_DATE,SUBSCRIBER_ID,USER_ID,REGION,NOTES\n"
                + "A-WX-CALL-PRO,15.5,cust-1,C1-EXT,partner-1,2026-10-16,2026-10-31,sub-1,user-1,EU,\"a, b\"\n";

        List<WebexReportCsv.Item> items = read(csv, ReportType.USER, USER_REQUIRED);

        assertThat(items).hasSize(1);
        WebexReportRow row = ((WebexReportCsv.Read) items.get(0)).row();
        assertThat(row.recordNo()).isEqualTo(2);
        assertThat(row.sku()).isEqualTo("A-WX-CALL-PRO");
        assertThat(row.quantity()).isEqualByComparingTo("15.5");
        assertThat(row.customerOrgId()).isEqualTo("cust-1");
        assertThat(row.consumer()).isEqualTo("user-1");
        assertThat(row.consumptionStart()).isEqualTo(LocalDate.parse("2026-10-16"));
        // columns the report lacks read as empty
        assertThat(row.licenseId()).isEmpty();
        assertThat(row.raw()).isEqualTo("A-WX-CALL-PRO,15.5,cust-1,C1-EXT,partner-1,2026-10-16,2026-10-31,sub-1,"
                + "user-1,EU,\"a, b\"");
    }

    @Test
    void aReportMissingARequiredColumnIsRefusedWholeWithTheColumnNamed() {
        String csv = "PARTNER_ORG_ID,SKU,CONSUMPTION_START_DATE,CONSUMPTION_END_DATE,CUSTOMER_ORG_ID\n"
                + "p,A-WX-CALL-PRO,2026-10-01,2026-10-31,c\n";

        assertThatThrownBy(() -> read(csv, ReportType.USER, USER_REQUIRED))
                .isInstanceOf(MalformedReportException.class)
                .hasMessageStartingWith("the USER report lacks the required columns QUANTITY, CUSTOMER_EXTERNAL_ID,"
                        + " SUBSCRIBER_ID; its header is: PARTNER_ORG_ID,SKU,");
    }

    @Test
    void rowsThatCannotBeReadAreRejectedWithTheirRecordAndReasonAndTheOthersKept() {
        String csv = "PARTNER_ORG_ID,SKU,CONSUMPTION_START_DATE,CONSUMPTION_END_DATE,QUANTITY,CUSTOMER_ORG_ID,"
                + "CUSTOMER_EXTERNAL_ID,SUBSCRIBER_ID\n"
                + "p,A-WX-CALL-PRO,2026-10-01,2026-10-31,31,c,C,s1\n"
                + "p,A-WX-CALL-PRO,2026-10-01,2026-10-10,10.5,c,C,s2\n"
                + "p,A-WX-CALL-PRO,2026-09-30,2026-10-10,10,c,C,s3\n"
                + "p,A-WX-CALL-PRO,2026-10-01,2026-10-31,abc,c,C,s4\n"
                + "p,,2026-10-01,2026-10-31,1,c,C,s5\n"
                + "p,A-WX-CALL-PRO,2026-10-01T00:00:00Z,2026-10-01,0.5,c,C,s6\n";

        List<WebexReportCsv.Item> items = read(csv, ReportType.USER, USER_REQUIRED);

        assertThat(items).extracting(WebexReportCsv.Item::recordNo).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(items.get(0)).isInstanceOf(WebexReportCsv.Read.class);
        // a user licence counts at most 1 a day: 10.5 over the 10 days 1-10 October is impossible
        assertThat(((WebexReportCsv.Rejected) items.get(1)).reason())
                .isEqualTo("QUANTITY 10.5 exceeds the 10 day(s) of its consumption period");
        assertThat(((WebexReportCsv.Rejected) items.get(2)).reason())
                .isEqualTo("consumption 2026-09-30 to 2026-10-10 lies outside the billing period 2026-10-01 to"
                        + " 2026-10-31");
        assertThat(((WebexReportCsv.Rejected) items.get(3)).reason()).isEqualTo("QUANTITY 'abc' is not a decimal"
                + " number");
        assertThat(((WebexReportCsv.Rejected) items.get(4)).reason()).isEqualTo("SKU is empty");
        assertThat(((WebexReportCsv.Rejected) items.get(4)).raw()).isEqualTo("p,,2026-10-01,2026-10-31,1,c,C,s5");
        // half a day, with the start written as a timestamp
        WebexReportRow half = ((WebexReportCsv.Read) items.get(5)).row();
        assertThat(half.quantity()).isEqualByComparingTo(new BigDecimal("0.5"));
        assertThat(half.consumptionStart()).isEqualTo(LocalDate.parse("2026-10-01"));
    }

    @Test
    void identityIsPerPackageLocationAndLicencePerLevel() {
        WebexReportRow row = new WebexReportRow(2, "Acme", "p", "sub", "WEBEX_CALLING", "PRO", "Pro",
                LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"), BigDecimal.ONE, "c", "C", "s", "u", "",
                "loc", "lic", "raw");

        assertThat(row.identity(ReportType.PARTNER)).isEqualTo("p|sub|PRO");
        assertThat(row.identity(ReportType.CUSTOMER)).isEqualTo("p|sub|PRO|c|loc|lic");
        assertThat(row.identity(ReportType.USER)).isEqualTo("p|sub|PRO|c|loc|lic|s|u|");
    }
}
