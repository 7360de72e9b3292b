package io.billinghub.referencedata;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

/**
 * When a reference row is in force: from {@code from} through {@code to}, both inclusive; {@code to} null means
 * open-ended. Both ways of writing a change are accepted: a row ending the day before its successor starts, or on
 * the very day it starts (a handover day, on which the successor is in force). Rows sharing more than that day
 * overlap, which is a data error.
 */
public record EffectivePeriod(LocalDate from, LocalDate to) {

    public boolean contains(LocalDate day) {
        return contains(from, to, day);
    }

    /** As {@link #contains(LocalDate)} without a period object (rating asks millions of times). */
    public static boolean contains(LocalDate from, LocalDate to, LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }

    /** Whether two rows of the same key are in force together beyond a handover day. */
    public boolean conflictsWith(EffectivePeriod other) {
        EffectivePeriod first = from.isAfter(other.from) ? other : this;
        EffectivePeriod second = first == this ? other : this;
        return first.from.equals(second.from) || first.to == null || first.to.isAfter(second.from);
    }

    /** Of the rows in force on {@code day}, the one that started last (the successor on a handover day). */
    public static <T> Optional<T> inForce(Collection<T> rows, Function<T, EffectivePeriod> period, LocalDate day) {
        T found = null;
        for (T row : rows) {
            EffectivePeriod p = period.apply(row);
            if (p.contains(day) && (found == null || p.from.isAfter(period.apply(found).from))) {
                found = row;
            }
        }
        return Optional.ofNullable(found);
    }
}
