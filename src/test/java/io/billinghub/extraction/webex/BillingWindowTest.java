package io.billinghub.extraction.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class BillingWindowTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-10");

    @Test
    void aPastMonthWithinFiveYearsIsAccepted() {
        BillingWindow window = BillingWindow.of(YearMonth.parse("2026-10"), TODAY);

        assertThat(window.start()).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(window.end()).isEqualTo(LocalDate.parse("2026-10-31"));
        // the oldest accepted start is five years before today
        assertThat(BillingWindow.of(YearMonth.parse("2021-12"), TODAY).start())
                .isEqualTo(LocalDate.parse("2021-12-01"));
    }

    @Test
    void theCurrentDayTheFutureAndMoreThanFiveYearsBackAreRefusedLocally() {
        assertThatThrownBy(() -> BillingWindow.of(YearMonth.parse("2026-11"), TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Webex billing report cannot include the current day or the future: billingEndDate"
                        + " 2026-11-30 must be before 2026-11-10 (UTC); run 2026-11 once it is over");
        // a month ending today still includes today
        assertThatThrownBy(() -> BillingWindow.of(YearMonth.parse("2026-10"), LocalDate.parse("2026-10-31")))
                .hasMessageContaining("billingEndDate 2026-10-31 must be before 2026-10-31");
        assertThatThrownBy(() -> BillingWindow.of(YearMonth.parse("2021-11"), TODAY))
                .hasMessage("a Webex billing report covers the last five years only: billingStartDate 2021-11-01 is"
                        + " before 2021-11-10");
        assertThatThrownBy(() -> new BillingWindow(LocalDate.parse("2026-10-02"), LocalDate.parse("2026-10-01")))
                .hasMessage("billingStartDate 2026-10-02 is after billingEndDate 2026-10-01");
    }

    @Test
    void theNextPageComesFromTheLinkHeader() {
        assertThat(WebexReportSteps.nextLink("<https://webexapis.com/v1/wholesale/billing/reports?max=2&cursor=Y2>;"
                + " rel=\"next\"")).isEqualTo("https://webexapis.com/v1/wholesale/billing/reports?max=2&cursor=Y2");
        assertThat(WebexReportSteps.nextLink("<https://a/first>; rel=\"first\", <https://a/next>; rel=\"next\""))
                .isEqualTo("https://a/next");
        assertThat(WebexReportSteps.nextLink("<https://a/first>; rel=\"first\"")).isNull();
        assertThat(WebexReportSteps.nextLink(null)).isNull();
    }
}
