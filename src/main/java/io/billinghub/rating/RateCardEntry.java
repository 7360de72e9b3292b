package io.billinghub.rating;

import java.math.BigDecimal;
import io.billinghub.referencedata.CsvFields;
import io.billinghub.referencedata.EffectivePeriod;
import java.time.LocalDate;

/**
 * One rate card row, in force for legs starting (UTC day) from {@code effectiveDate} through {@code expiryDate}
 * (see {@link EffectivePeriod}: inclusive, a successor takes over on a shared handover day).
 */
public record RateCardEntry(
        int lineNo,
        String carrierName,
        String prefix,
        String destinationRegion,
        BigDecimal ratePerMinute,
        BillingIncrement increment,
        LocalDate effectiveDate,
        LocalDate expiryDate) implements CsvFields.Dated {

    public EffectivePeriod period() {
        return new EffectivePeriod(effectiveDate, expiryDate);
    }
}
