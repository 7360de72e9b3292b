package io.billinghub.rating;

import io.billinghub.referencedata.EffectivePeriod;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory prefix index of one rate card version: per carrier, prefix to rows. A prefix is keyed by its length (high
 * bits, so "1" and "01" differ) and its digits read as a number (low bits, which spread the keys over the hash
 * table), and a lookup probes only the prefix lengths the carrier's card has, longest first: a few hash probes per
 * leg and no string built, whatever the deck's size.
 */
public final class RateCardIndex {

    /** 15 digits (E.164's maximum, under 2^50) fit a long together with the length above them. */
    private static final int MAX_DIGITS = 15;

    private static final class CarrierCard {
        final Map<Long, RateCardEntry[]> byPrefix = new HashMap<>();
        /** Bit n set when the card has a prefix of n digits. */
        int lengths;
    }

    private final Map<String, CarrierCard> byCarrier = new HashMap<>();

    public RateCardIndex(List<RateCardEntry> entries) {
        for (RateCardEntry entry : entries) {
            long key = key(entry.prefix());
            if (key < 0) {
                throw new IllegalArgumentException("rate card prefix '" + entry.prefix() + "' must be 1 to "
                        + MAX_DIGITS + " digits");
            }
            CarrierCard card = byCarrier.computeIfAbsent(entry.carrierName(), c -> new CarrierCard());
            card.byPrefix.merge(key, new RateCardEntry[] {entry}, RateCardIndex::concat);
            card.lengths |= 1 << entry.prefix().length();
        }
    }

    /**
     * The row in force on {@code day} with the longest prefix of {@code digits} for exactly this carrier name.
     * A prefix whose rows are all out of force on that day does not match; a shorter one may.
     */
    public Optional<RateCardEntry> find(String carrierName, String digits, LocalDate day) {
        CarrierCard card = carrierName == null ? null : byCarrier.get(carrierName);
        if (card == null || digits == null || digits.isEmpty()) {
            return Optional.empty();
        }
        int usable = Math.min(digits.length(), MAX_DIGITS);
        long[] keys = new long[usable + 1];
        long value = 0;
        for (int length = 1; length <= usable; length++) {
            char c = digits.charAt(length - 1);
            if (c < '0' || c > '9') {
                usable = length - 1;
                break;
            }
            value = value * 10 + (c - '0');
            keys[length] = key(value, length);
        }
        for (int length = usable; length > 0; length--) {
            if ((card.lengths & 1 << length) == 0) {
                continue;
            }
            RateCardEntry[] rows = card.byPrefix.get(keys[length]);
            if (rows != null) {
                RateCardEntry row = inForce(rows, day);
                if (row != null) {
                    return Optional.of(row);
                }
            }
        }
        return Optional.empty();
    }

    /** The key of a prefix of digits, or -1 when it is not 1 to 15 digits. */
    private static long key(String prefix) {
        if (prefix.isEmpty() || prefix.length() > MAX_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return key(value, prefix.length());
    }

    private static long key(long digits, int length) {
        return (long) length << 56 | digits;
    }

    /** As {@link EffectivePeriod#inForce}: of the rows in force on the day, the one that started last. */
    private static RateCardEntry inForce(RateCardEntry[] rows, LocalDate day) {
        RateCardEntry found = null;
        for (RateCardEntry row : rows) {
            if (EffectivePeriod.contains(row.effectiveDate(), row.expiryDate(), day)
                    && (found == null || row.effectiveDate().isAfter(found.effectiveDate()))) {
                found = row;
            }
        }
        return found;
    }

    private static RateCardEntry[] concat(RateCardEntry[] rows, RateCardEntry[] more) {
        RateCardEntry[] all = Arrays.copyOf(rows, rows.length + more.length);
        System.arraycopy(more, 0, all, rows.length, more.length);
        return all;
    }
}
