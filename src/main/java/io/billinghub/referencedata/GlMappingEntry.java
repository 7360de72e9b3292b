package io.billinghub.referencedata;

import java.time.LocalDate;

/**
 * Maps carrier charges to a GL account and cost centre. {@code *} matches any carrier or any region; the most
 * specific row in force wins (carrier+region, then carrier+*, then *+region, then *+*).
 */
public record GlMappingEntry(
        int lineNo,
        String carrierName,
        String destinationRegion,
        String glAccount,
        String costCentre,
        LocalDate effectiveDate,
        LocalDate expiryDate) implements CsvFields.Dated {

    public static final String ANY = "*";

    public EffectivePeriod period() {
        return new EffectivePeriod(effectiveDate, expiryDate);
    }
}
