package io.billinghub.sandbox.webex;

import static io.billinghub.sandbox.webex.WebexTestSupport.TODAY;
import static io.billinghub.sandbox.webex.WebexTestSupport.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Billing dates on 2026-11-10: any day from 2021-11-10 (five years back) to 2026-11-09, start not after end. */
class WebexReportRequestTest {

    @Test
    void readsAPeriodTypeAndSubPartner() {
        assertThat(WebexReportRequest.parse("""
                {"billingStartDate": "2026-10-01", "billingEndDate": "2026-10-31", "type": "CUSTOMER",
                 "subPartnerOrgId": "org-sub-north", "internal": true}""", TODAY))
                .isEqualTo(WebexTestSupport.request("2026-10-01", "2026-10-31", WebexReportType.CUSTOMER,
                        "org-sub-north"));
        // type defaults to PARTNER; one day is a period
        assertThat(WebexReportRequest.parse("{\"billingStartDate\": \"2026-11-09\", \"billingEndDate\": "
                + "\"2026-11-09\"}", TODAY)).isEqualTo(new WebexReportRequest(LocalDate.of(2026, 11, 9),
                LocalDate.of(2026, 11, 9), WebexReportType.PARTNER, null));
    }

    @Test
    void theEarliestDayIsFiveYearsBack() {
        assertThat(WebexReportRequest.parse(body("2021-11-10", "2021-11-30"), TODAY).billingStartDate())
                .isEqualTo(LocalDate.of(2021, 11, 10));
        assertApiError(() -> WebexReportRequest.parse(body("2021-11-09", "2021-11-30"), TODAY), 400,
                "billingStartDate 2021-11-09 is more than five years ago (earliest 2021-11-10)");
    }

    @Test
    void refusesTodayAndTheFuture() {
        assertApiError(() -> WebexReportRequest.parse(body("2026-11-01", "2026-11-10"), TODAY), 400,
                "billingEndDate 2026-11-10 is not before the current day 2026-11-10");
        assertApiError(() -> WebexReportRequest.parse(body("2026-11-10", "2026-11-10"), TODAY), 400,
                "billingStartDate 2026-11-10 is not before the current day");
        assertApiError(() -> WebexReportRequest.parse(body("2026-12-01", "2026-12-31"), TODAY), 400,
                "billingStartDate 2026-12-01 is not before the current day");
    }

    @Test
    void refusesAStartAfterTheEnd() {
        assertApiError(() -> WebexReportRequest.parse(body("2026-10-31", "2026-10-01"), TODAY), 400,
                "billingStartDate 2026-10-31 is after billingEndDate 2026-10-01");
    }

    @Test
    void refusesMalformedRequests() {
        assertApiError(() -> WebexReportRequest.parse(null, TODAY), 400, "must be a JSON object");
        assertApiError(() -> WebexReportRequest.parse("[1]", TODAY), 400, "must be a JSON object");
        assertApiError(() -> WebexReportRequest.parse("{nope", TODAY), 400, "is not JSON");
        assertApiError(() -> WebexReportRequest.parse("{\"billingEndDate\": \"2026-10-31\"}", TODAY), 400,
                "billingStartDate is required");
        assertApiError(() -> WebexReportRequest.parse(body("2026-10-01", "31/10/2026"), TODAY), 400,
                "billingEndDate must be a date YYYY-MM-DD, was '31/10/2026'");
        assertApiError(() -> WebexReportRequest.parse(body("2026-10-01", "2026-10-31")
                .replace("}", ", \"type\": \"RESELLER\"}"), TODAY), 400, "type must be PARTNER, CUSTOMER or USER");
        assertApiError(() -> WebexReportRequest.parse(body("2026-10-01", "2026-10-31")
                .replace("}", ", \"subPartnerOrgId\": 7}"), TODAY), 400, "subPartnerOrgId must be an org id");
        assertApiError(() -> WebexReportRequest.parse(body("2026-10-01", "2026-10-31")
                .replace("}", ", \"internal\": \"yes\"}"), TODAY), 400, "internal must be true or false");
    }

    private static String body(String start, String end) {
        return "{\"billingStartDate\": \"" + start + "\", \"billingEndDate\": \"" + end + "\"}";
    }
}
