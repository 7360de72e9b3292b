package io.billinghub.sandbox.cxone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private final WorkingDays days = WorkingDays.standard();

    @Test
    void octoberTwentySixHasTwentyOneWorkingDays() {
        // 1 Oct 2026 is a Thursday: Thu 1, Fri 2, then four full weeks (5-9, 12-16, 19-23, 26-30) = 22 weekdays,
        // minus Columbus Day (Mon 12) = 21.
        assertThat(days.count(YearMonth.of(2026, 10))).isEqualTo(21);
        assertThat(days.isWorkingDay(LocalDate.of(2026, 10, 12))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 10, 10))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 10, 13))).isTrue();
    }

    @Test
    void countsBothEndsInclusive() {
        // Sat 10, Sun 11, Columbus 12, then 13-16 (4), 19-23 (5), 26-30 (5), Sat 31 = 14.
        assertThat(days.count(LocalDate.of(2026, 10, 10), LocalDate.of(2026, 10, 31))).isEqualTo(14);
        // Mon 26 .. Sat 31: 26-30 = 5.
        assertThat(days.count(LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 31))).isEqualTo(5);
        assertThat(days.count(LocalDate.of(2026, 10, 13), LocalDate.of(2026, 10, 13))).isEqualTo(1);
        assertThat(days.count(LocalDate.of(2026, 10, 14), LocalDate.of(2026, 10, 13))).isZero();
    }

    @Test
    void theFifthWorkingDayOfNovemberIsTheSixth() {
        // Sun 1; Mon 2 .. Fri 6 are working days 1..5. November: 2-6 (5), 9-13 minus Veterans Day (4), 16-20 (5),
        // 23-27 minus Thanksgiving (4), Mon 30 (1) = 19.
        assertThat(days.nthWorkingDay(YearMonth.of(2026, 11), 5)).isEqualTo(LocalDate.of(2026, 11, 6));
        assertThat(days.count(YearMonth.of(2026, 11))).isEqualTo(19);
        assertThatThrownBy(() -> days.nthWorkingDay(YearMonth.of(2026, 11), 20))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBuiltInCalendarIsMappingsBusinessCalendar() throws IOException {
        WorkingDays file = WorkingDays.fromCsv(Files.newBufferedReader(Path.of("mappings/business-calendar.csv"),
                StandardCharsets.UTF_8));
        assertThat(file.holidays()).containsExactlyEntriesOf(WorkingDays.DEFAULT_HOLIDAYS);
        assertThat(file.holidayDates()).contains(LocalDate.of(2026, 9, 7), LocalDate.of(2026, 10, 12),
                LocalDate.of(2026, 11, 11), LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25));
        // Observed holidays: every one falls on a weekday.
        assertThat(file.holidayDates()).allMatch(date -> date.getDayOfWeek() != DayOfWeek.SATURDAY
                && date.getDayOfWeek() != DayOfWeek.SUNDAY);
    }

    @Test
    void refusesAMalformedCalendar() {
        assertThatThrownBy(() -> WorkingDays.fromCsv(new StringReader("day,name\n2026-10-12,Columbus Day\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header");
        assertThatThrownBy(() -> WorkingDays.fromCsv(new StringReader("date,description\n12/10/2026,Columbus\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }
}
