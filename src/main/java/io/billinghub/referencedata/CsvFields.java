package io.billinghub.referencedata;

import io.billinghub.platform.Decimals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Typed reads of reference-data CSV cells; each problem is added to the errors with its file and line. */
public final class CsvFields {

    private CsvFields() {
    }

    /**
     * A non-negative decimal that fits its column: {@code integerDigits} before the point, {@code decimals} after it.
     * So the version in force is the same whether it was just parsed or read back from the database.
     */
    public static BigDecimal decimal(CsvTable.Row row, String column, int integerDigits, int decimals,
                                     List<ValidationError> errors) {
        String text = row.get(column);
        try {
            BigDecimal value = Decimals.parse(column, text, integerDigits, decimals);
            if (value.signum() < 0) {
                errors.add(row.error(column + " " + text + " is negative"));
            }
            return value;
        } catch (IllegalArgumentException e) {
            errors.add(row.error(e.getMessage()));
            return null;
        }
    }

    public static LocalDate date(CsvTable.Row row, String column, boolean required, List<ValidationError> errors) {
        String text = row.get(column);
        if (text.isEmpty()) {
            if (required) {
                errors.add(row.error(column + " is required (yyyy-MM-dd)"));
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(row.error(column + " '" + text + "' is not a date (yyyy-MM-dd)"));
            return null;
        }
    }

    /** A start column (required) and an end column (optional, not before the start). */
    public static EffectivePeriod period(CsvTable.Row row, String fromColumn, String toColumn,
                                         List<ValidationError> errors) {
        LocalDate from = date(row, fromColumn, true, errors);
        LocalDate to = date(row, toColumn, false, errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(row.error(toColumn + " " + to + " is before " + fromColumn + " " + from));
        }
        return from == null ? null : new EffectivePeriod(from, to);
    }

    /** Adds an overlap error for {@code period} against earlier rows of the same key (see EffectivePeriod). */
    public static void checkOverlap(CsvTable.Row row, String what, EffectivePeriod period,
                                    List<? extends Dated> sameKey, List<ValidationError> errors) {
        for (Dated other : sameKey) {
            if (other.period().conflictsWith(period)) {
                errors.add(row.error("effective range overlaps line " + other.lineNo() + " for " + what));
            }
        }
    }

    /** A row with a line number and an effective period. */
    public interface Dated {
        int lineNo();

        EffectivePeriod period();
    }
}
