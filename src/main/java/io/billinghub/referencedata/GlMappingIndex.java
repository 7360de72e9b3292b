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
            for (GlMappingEntry entry : entries) {
                if (entry.carrierName().equals(key[0]) && entry.destinationRegion().equals(key[1])
                        && entry.inForceOn(day)) {
                    return Optional.of(entry);
                }
            }
        }
        return Optional.empty();
    }
}
