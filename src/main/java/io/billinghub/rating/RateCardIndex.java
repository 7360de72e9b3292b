package io.billinghub.rating;

import io.billinghub.referencedata.EffectivePeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory prefix index of one rate card version: per carrier, prefix to rows. Lookups walk the dialled digits
 * from longest to shortest prefix, so a 170k-row deck costs at most one hash probe per digit.
 */
public final class RateCardIndex {

    private final Map<String, Map<String, List<RateCardEntry>>> byCarrier = new HashMap<>();
    private final Map<String, Integer> longestPrefixByCarrier = new HashMap<>();

    public RateCardIndex(List<RateCardEntry> entries) {
        for (RateCardEntry entry : entries) {
            byCarrier.computeIfAbsent(entry.carrierName(), c -> new HashMap<>())
                    .computeIfAbsent(entry.prefix(), p -> new ArrayList<>())
                    .add(entry);
            longestPrefixByCarrier.merge(entry.carrierName(), entry.prefix().length(), Math::max);
        }
    }

    /**
     * The row in force on {@code day} with the longest prefix of {@code digits} for exactly this carrier name.
     * A prefix whose rows are all out of force on that day does not match; a shorter one may.
     */
    public Optional<RateCardEntry> find(String carrierName, String digits, LocalDate day) {
        Map<String, List<RateCardEntry>> prefixes = byCarrier.get(carrierName);
        if (prefixes == null || digits == null || digits.isEmpty()) {
            return Optional.empty();
        }
        int longest = Math.min(digits.length(), longestPrefixByCarrier.get(carrierName));
        for (int length = longest; length > 0; length--) {
            List<RateCardEntry> rows = prefixes.get(digits.substring(0, length));
            if (rows != null) {
                Optional<RateCardEntry> row = EffectivePeriod.inForce(rows, RateCardEntry::period, day);
                if (row.isPresent()) {
                    return row;
                }
            }
        }
        return Optional.empty();
    }
}
