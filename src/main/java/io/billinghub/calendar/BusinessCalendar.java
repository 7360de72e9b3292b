package io.billinghub.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

/** Working days: Monday to Friday, except the holidays of mappings/business-calendar.csv. */
public final class BusinessCalendar {

    private final Set<LocalDate> holidays;

    public BusinessCalendar(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** Working days in [from, to], both inclusive; 0 when to is before from. */
    public int workingDays(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    public int workingDays(YearMonth month) {
        return workingDays(month.atDay(1), month.atEndOfMonth());
    }

    /** The n-th working day of a month (n from 1), e.g. the 6th business day on which invoices are final. */
    public LocalDate businessDay(YearMonth month, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("business day number must be 1 or more, was " + n);
        }
        int seen = 0;
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (isWorkingDay(day) && ++seen == n) {
                return day;
            }
        }
        throw new IllegalArgumentException(month + " has only " + seen + " working days, not " + n);
    }
}
