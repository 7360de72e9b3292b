package io.billinghub.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    // Columbus Day (Mon 12 Oct 2026) and Veterans Day (Wed 11 Nov 2026)
    private final BusinessCalendar calendar = new BusinessCalendar(
            Set.of(LocalDate.parse("2026-10-12"), LocalDate.parse("2026-11-11")));

    @Test
    void workingDaysSkipWeekendsAndHolidays() {
        // October 2026 has 22 weekdays (Thu 1st .. Sat 31st); minus Columbus Day = 21
        assertThat(calendar.workingDays(YearMonth.of(2026, 10))).isEqualTo(21);
        // Fri 9 .. Tue 13 Oct: Fri 9, (Sat, Sun), (Mon 12 holiday), Tue 13 = 2
        assertThat(calendar.workingDays(LocalDate.parse("2026-10-09"), LocalDate.parse("2026-10-13"))).isEqualTo(2);
        assertThat(calendar.workingDays(LocalDate.parse("2026-10-13"), LocalDate.parse("2026-10-09"))).isZero();
    }

    @Test
    void theSixthBusinessDay() {
        // November 2026: Mon 2, Tue 3, Wed 4, Thu 5, Fri 6, Mon 9 → the 6th is the 9th
        assertThat(calendar.businessDay(YearMonth.of(2026, 11), 6)).isEqualTo(LocalDate.parse("2026-11-09"));
        // October 2026: Thu 1, Fri 2, Mon 5, Tue 6, Wed 7, Thu 8 → the 8th; the 7th working day skips Mon 12
        assertThat(calendar.businessDay(YearMonth.of(2026, 10), 6)).isEqualTo(LocalDate.parse("2026-10-08"));
        assertThat(calendar.businessDay(YearMonth.of(2026, 10), 8)).isEqualTo(LocalDate.parse("2026-10-13"));
        assertThatIllegalArgumentException().isThrownBy(() -> calendar.businessDay(YearMonth.of(2026, 10), 22));
    }
}
