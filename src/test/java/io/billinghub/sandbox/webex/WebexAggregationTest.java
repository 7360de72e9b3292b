package io.billinghub.sandbox.webex;

import static io.billinghub.sandbox.webex.WebexTestSupport.PARTNER;
import static io.billinghub.sandbox.webex.WebexTestSupport.SUB_PARTNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fixture's USER rows aggregated by hand. The partner's nine October rows (dataset order):
 * <pre>
 * R1 sub-100 CALL-PRO cust-a loc-a1 lic-pro-1 user-1 10-01..10-15 15
 * R2 sub-100 CALL-PRO cust-a loc-a1 lic-pro-1 user-1 10-16..10-31 16
 * R3 sub-100 CALL-PRO cust-a loc-a1 lic-pro-1 user-2 10-10..10-31 21.50
 * R4 sub-100 CALL-PRO cust-a loc-a1 lic-pro-2 user-6 10-31..10-31  0.5   (half a day)
 * R5 sub-100 CALL-PRO cust-a loc-a1 lic-pro-2 user-7 10-01..10-12 12
 * R6 sub-100 CALL-WS  cust-a loc-a1 lic-ws-1  ws-1   10-01..10-31 31
 * R7 sub-200 CALL-PRO cust-b loc-b1 lic-pro-3 user-3 10-05..10-31 26.25
 * R8 sub-200 MTG-ENT  cust-b (none) lic-mtg-4 user-4 10-01..10-31 31
 * R9 sub-200 MTG-ENT  cust-b (none) lic-mtg-4 user-5 10-20..10-31 11.5
 * </pre>
 * and the sub-partner org-sub-north's two: sub-900 CALL-PRO cust-n loc-n1 lic-pro-9, 10-01..10-31 31 and
 * 10-01..10-20 19.5.
 */
class WebexAggregationTest {

    private static final String PRO = "A-WX-CALL-PRO";
    private static final String PRO_DESCRIPTION = "Calling, Professional";
    private static final String EXT_B = "EXT-B \"north\"";

    private final WebexUsageDataset dataset = WebexTestSupport.fixture();

    @Test
    void customerRowsSumLicencesOfOneCustomerAndLocation() {
        // lic-pro-1: R1 + R2 + R3 = 15 + 16 + 21.50 = 52.5, 10-01..10-31 (two users on one licence pool);
        // lic-pro-2, same SKU, customer and location: R4 + R5 = 0.5 + 12 = 12.5, earliest 10-01, latest 10-31;
        // lic-ws-1: 31; cust-b's lic-pro-3: 26.25 from 10-05; lic-mtg-4 (no location): R8 + R9 = 31 + 11.5 = 42.5.
        // Sorted by the group key: sub-100 before sub-200, A-WX-CALL-PRO before A-WX-CALL-WS, Calling before
        // Meetings.
        assertThat(rows(WebexReportType.CUSTOMER, "2026-10-01", "2026-10-31", PARTNER)).containsExactly(
                customer("sub-100", "Webex Calling", PRO, PRO_DESCRIPTION, "2026-10-01", "2026-10-31", "52.5",
                        "cust-a", "EXT-A", "loc-a1", "lic-pro-1"),
                customer("sub-100", "Webex Calling", PRO, PRO_DESCRIPTION, "2026-10-01", "2026-10-31", "12.5",
                        "cust-a", "EXT-A", "loc-a1", "lic-pro-2"),
                customer("sub-100", "Webex Calling", "A-WX-CALL-WS", "Calling Workspace", "2026-10-01",
                        "2026-10-31", "31", "cust-a", "EXT-A", "loc-a1", "lic-ws-1"),
                customer("sub-200", "Webex Calling", PRO, PRO_DESCRIPTION, "2026-10-05", "2026-10-31", "26.25",
                        "cust-b", EXT_B, "loc-b1", "lic-pro-3"),
                customer("sub-200", "Webex Meetings", "A-WX-MTG-ENT", "Meetings Enterprise", "2026-10-01",
                        "2026-10-31", "42.5", "cust-b", EXT_B, "", "lic-mtg-4"));
    }

    @Test
    void partnerRowsSumEverySubscriptionAndSku() {
        // sub-100 CALL-PRO: R1..R5 = 15 + 16 + 21.5 + 0.5 + 12 = 65; sub-100 CALL-WS: 31; sub-200 CALL-PRO: 26.25
        // from 10-05; sub-200 MTG-ENT: 42.5. Together 164.75, the sum of the nine USER quantities.
        assertThat(rows(WebexReportType.PARTNER, "2026-10-01", "2026-10-31", PARTNER)).containsExactly(
                partner("Acme Wholesale", PARTNER, "sub-100", "Webex Calling", PRO, PRO_DESCRIPTION, "2026-10-01",
                        "2026-10-31", "65"),
                partner("Acme Wholesale", PARTNER, "sub-100", "Webex Calling", "A-WX-CALL-WS", "Calling Workspace",
                        "2026-10-01", "2026-10-31", "31"),
                partner("Acme Wholesale", PARTNER, "sub-200", "Webex Calling", PRO, PRO_DESCRIPTION, "2026-10-05",
                        "2026-10-31", "26.25"),
                partner("Acme Wholesale", PARTNER, "sub-200", "Webex Meetings", "A-WX-MTG-ENT",
                        "Meetings Enterprise", "2026-10-01", "2026-10-31", "42.5"));
    }

    @Test
    void aSubPartnerReportHasOnlyTheSubPartnersRows() {
        // 31 + 19.5 = 50.5, 10-01..10-31
        assertThat(rows(WebexReportType.PARTNER, "2026-10-01", "2026-10-31", SUB_PARTNER)).containsExactly(
                partner("North Reseller", SUB_PARTNER, "sub-900", "Webex Calling", PRO, PRO_DESCRIPTION, "2026-10-01",
                        "2026-10-31", "50.5"));
        assertThat(rows(WebexReportType.CUSTOMER, "2026-10-01", "2026-10-31", SUB_PARTNER)).containsExactly(List.of(
                "North Reseller", SUB_PARTNER, "sub-900", "Webex Calling", PRO, PRO_DESCRIPTION, "2026-10-01",
                "2026-10-31", "50.5", "cust-n", "EXT-N", "loc-n1", "lic-pro-9"));
    }

    @Test
    void aShorterPeriodTakesOnlyRowsWhollyWithinIt() {
        // 10-01..10-15 holds R1 (10-01..10-15, 15) and R5 (10-01..10-12, 12) only: 27, latest end 10-15.
        assertThat(rows(WebexReportType.PARTNER, "2026-10-01", "2026-10-15", PARTNER)).containsExactly(
                partner("Acme Wholesale", PARTNER, "sub-100", "Webex Calling", PRO, PRO_DESCRIPTION, "2026-10-01",
                        "2026-10-15", "27"));
        assertThat(rows(WebexReportType.CUSTOMER, "2026-10-01", "2026-10-15", PARTNER)).extracting(row -> row.get(8))
                .containsExactly("15", "12");
        assertThat(rows(WebexReportType.PARTNER, "2026-09-01", "2026-09-30", PARTNER)).isEmpty();
    }

    @Test
    void userRowsStayAsTheyAreInDatasetOrder() {
        List<List<String>> rows = rows(WebexReportType.USER, "2026-10-01", "2026-10-31", PARTNER);
        assertThat(rows).hasSize(9);
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(16));
        // R3's quantity keeps its written scale: "21.50", not "21.5".
        assertThat(rows).extracting(row -> row.get(8))
                .containsExactly("15", "16", "21.50", "0.5", "12", "31", "26.25", "31", "11.5");
        assertThat(rows.get(5)).containsExactly("Acme Wholesale", PARTNER, "sub-100", "Webex Calling",
                "A-WX-CALL-WS", "Calling Workspace", "2026-10-01", "2026-10-31", "31", "cust-a", "EXT-A", "subr-ws",
                "", "ws-1", "loc-a1", "lic-ws-1");
    }

    private List<List<String>> rows(WebexReportType type, String start, String end, String org) {
        return WebexAggregation.rows(type, dataset.select(LocalDate.parse(start), LocalDate.parse(end), org));
    }

    private static List<String> partner(String... values) {
        return List.of(values);
    }

    private static List<String> customer(String subscription, String service, String sku, String description,
                                         String start, String end, String quantity, String customer,
                                         String externalId, String location, String licence) {
        return List.of("Acme Wholesale", PARTNER, subscription, service, sku, description, start, end, quantity,
                customer, externalId, location, licence);
    }
}
