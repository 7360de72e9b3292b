package io.billinghub.extraction.webex;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The billing period of a report request, checked before anything is sent: Webex accepts any date of the last five
 * years but never the current day (its usage is still being collected), so a request that would be refused is
 * refused here with a clear message instead.
 */
public record BillingWindow(LocalDate start, LocalDate end) {

    public BillingWindow {
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("billingStartDate " + start + " is after billingEndDate " + end);
        }
    }

    /** The calendar month as a report window, refused when it is not entirely in the past five years. */
    public static BillingWindow of(YearMonth period, LocalDate today) {
        BillingWindow window = new BillingWindow(period.atDay(1), period.atEndOfMonth());
        window.checkAgainst(today);
        return window;
    }

    /** Refuses a window reaching today (or later) or starting more than five years before today. */
    public void checkAgainst(LocalDate today) {
        if (!end.isBefore(today)) {
            throw new IllegalArgumentException("a Webex billing report cannot include the current day or the future:"
                    + " billingEndDate " + end + " must be before " + today + " (UTC); run " + YearMonth.from(end)
                    + " once it is over");
        }
        LocalDate earliest = today.minusYears(5);
        if (start.isBefore(earliest)) {
            throw new IllegalArgumentException("a Webex billing report covers the last five years only:"
                    + " billingStartDate " + start + " is before " + earliest);
        }
    }

    public YearMonth period() {
        return YearMonth.from(start);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
