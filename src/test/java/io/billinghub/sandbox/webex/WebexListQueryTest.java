package io.billinghub.sandbox.webex;

import static io.billinghub.sandbox.webex.WebexTestSupport.assertApiError;
import static io.billinghub.sandbox.webex.WebexTestSupport.query;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebexListQueryTest {

    private static final String URL = "http://localhost:8080/sandbox/webex/v1/wholesale/billing/reports";

    private static final WebexReport SEPTEMBER = new WebexReport("report-9", "file-9", WebexTestSupport.request(
            "2026-09-01", "2026-09-30", WebexReportType.CUSTOMER, null), Instant.EPOCH, "creator",
            WebexReportStatus.COMPLETED);

    @Test
    void theNextLinkKeepsTheFiltersAndAddsTheCursor() {
        WebexListQuery query = query("type", "CUSTOMER", "billingStartDate", "2026-09-01", "max", "2",
                "subPartnerOrgId", "Y2lz+b3Jn/MQ==");
        String cursor = query.cursorAfter(SEPTEMBER);
        // a '+', '/' or '=' of a standard base64 org id arrives as written
        assertThat(query.nextLink(URL, cursor)).isEqualTo("<" + URL + "?billingStartDate=2026-09-01&type=CUSTOMER"
                + "&subPartnerOrgId=Y2lz%2Bb3Jn%2FMQ%3D%3D&max=2&cursor=" + cursor + ">; rel=\"next\"");
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        // the cursor starts the next page after September (same value, greater id)
        WebexListQuery next = query("type", "CUSTOMER", "billingStartDate", "2026-09-01", "max", "2",
                "cursor", cursor);
        assertThat(next.afterCursor(SEPTEMBER)).isFalse();
        assertThat(next.afterCursor(new WebexReport("report-9a", "f", SEPTEMBER.request(), Instant.EPOCH, "c",
                WebexReportStatus.FAILED))).isTrue();
    }

    @Test
    void defaultsToAHundredByBillingStartDate() {
        WebexListQuery query = query();
        assertThat(query.max()).isEqualTo(100);
        assertThat(query.matches(SEPTEMBER)).isTrue();
        assertThat(query.nextLink(URL, "c")).isEqualTo("<" + URL + "?cursor=c>; rel=\"next\"");
        assertThat(query("max", "1").max()).isEqualTo(1);
        assertThat(query("max", "100").max()).isEqualTo(100);
    }

    @Test
    void refusesBadParameters() {
        assertApiError(() -> query("max", "0"), 400, "max must be a whole number from 1 to 100, was '0'");
        assertApiError(() -> query("max", "101"), 400, "max must be a whole number from 1 to 100");
        assertApiError(() -> query("max", "ten"), 400, "max must be a whole number");
        assertApiError(() -> query("sortBy", "created"), 400, "sortBy must be id, billingStartDate");
        assertApiError(() -> query("status", "DONE"), 400, "status must be IN_PROGRESS, COMPLETED or FAILED");
        assertApiError(() -> query("type", "partner"), 400, "type must be PARTNER, CUSTOMER or USER");
        assertApiError(() -> query("billingEndDate", "2026-10"), 400, "billingEndDate must be a date YYYY-MM-DD");
        assertApiError(() -> query("cursor", "%%%"), 400, "cursor is not a cursor of this listing");
        // a cursor of another sort
        String byId = query("sortBy", "id").cursorAfter(SEPTEMBER);
        assertApiError(() -> query("cursor", byId), 400, "cursor is not a cursor of this listing");
    }
}
