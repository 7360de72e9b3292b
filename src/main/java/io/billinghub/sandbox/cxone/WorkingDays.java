package io.billinghub.sandbox.cxone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Working days: Monday to Friday, minus public holidays. The sandbox's own copy of mappings/business-calendar.csv
 * (the hub has its own calendar class; a vendor does not read the customer's files), used to prorate licences.
 */
public final class WorkingDays {

    /** The public holidays of mappings/business-calendar.csv, in the file's order. */
    public static final Map<LocalDate, String> DEFAULT_HOLIDAYS = defaultHolidays();

    private final Map<LocalDate, String> holidays;

    public WorkingDays(Map<LocalDate, String> holidays) {
        this.holidays = Collections.unmodifiableMap(new LinkedHashMap<>(holidays));
    }

    /** The calendar of mappings/business-calendar.csv. */
    public static WorkingDays standard() {
        return new WorkingDays(DEFAULT_HOLIDAYS);
    }

    /**
     * Reads a {@code date,description} file with a header row (mappings/business-calendar.csv).
     *
     * @throws IllegalArgumentException on a malformed line
     */
    public static WorkingDays fromCsv(Reader csv) throws IOException {
        Map<LocalDate, String> holidays = new LinkedHashMap<>();
        BufferedReader lines = new BufferedReader(csv);
        String header = lines.readLine();
        if (header == null || !header.strip().equals("date,description")) {
            throw new IllegalArgumentException("business calendar: header must be 'date,description', was '"
                    + header + "'");
        }
        int lineNumber = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            int comma = line.indexOf(',');
            try {
                LocalDate date = LocalDate.parse(comma < 0 ? line.strip() : line.substring(0, comma).strip());
                holidays.put(date, comma < 0 ? "" : line.substring(comma + 1).strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("business calendar line " + lineNumber + ": '" + line
                        + "' does not start with a yyyy-MM-dd date", e);
            }
        }
        return new WorkingDays(holidays);
    }

    public Map<LocalDate, String> holidays() {
        return holidays;
    }

    public Set<LocalDate> holidayDates() {
        return holidays.keySet();
    }

    public boolean isHoliday(LocalDate date) {
        return holidays.containsKey(date);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isHoliday(date);
    }

    /** Working days in [from, to], both inclusive; 0 when to is before from. */
    public int count(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** Working days of a month. */
    public int count(YearMonth month) {
        return count(month.atDay(1), month.atEndOfMonth());
    }

    /** The n-th (1-based) working day of a month. */
    public LocalDate nthWorkingDay(YearMonth month, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive, was " + n);
        }
        int seen = 0;
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (isWorkingDay(day) && ++seen == n) {
                return day;
            }
        }
        throw new IllegalArgumentException(month + " has only " + seen + " working days, not " + n);
    }

    private static Map<LocalDate, String> defaultHolidays() {
        Map<LocalDate, String> holidays = new LinkedHashMap<>();
        holidays.put(LocalDate.of(2026, 1, 1), "New Year's Day");
        holidays.put(LocalDate.of(2026, 1, 19), "Martin Luther King Jr. Day");
        holidays.put(LocalDate.of(2026, 2, 16), "Presidents' Day");
        holidays.put(LocalDate.of(2026, 5, 25), "Memorial Day");
        holidays.put(LocalDate.of(2026, 6, 19), "Juneteenth");
        holidays.put(LocalDate.of(2026, 7, 3), "Independence Day (observed)");
        holidays.put(LocalDate.of(2026, 9, 7), "Labor Day");
        holidays.put(LocalDate.of(2026, 10, 12), "Columbus Day");
        holidays.put(LocalDate.of(2026, 11, 11), "Veterans Day");
        holidays.put(LocalDate.of(2026, 11, 26), "Thanksgiving Day");
        holidays.put(LocalDate.of(2026, 12, 25), "Christmas Day");
        holidays.put(LocalDate.of(2027, 1, 1), "New Year's Day");
        return Collections.unmodifiableMap(holidays);
    }
}
