package io.billinghub.referencedata;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Resolves the GL mapping in force for a carrier and destination region on a day, most specific first. */
public final class GlMappingIndex {

    private final List<GlMappingEntry> entries;

    public GlMappingIndex(List<GlMappingEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public Optional<GlMappingEntry> resolve(String carrierName, String region, LocalDate day) {
        String any = GlMappingEntry.ANY;
        for (String[] key : new String[][] {{carrierName, region}, {carrierName, any}, {any, region}, {any, any}}) {
            Optional<GlMappingEntry> entry = EffectivePeriod.inForce(entries.stream()
                    .filter(e -> e.carrierName().equals(key[0]) && e.destinationRegion().equals(key[1])).toList(),
                    GlMappingEntry::period, day);
            if (entry.isPresent()) {
                return entry;
            }
        }
        return Optional.empty();
    }
}
