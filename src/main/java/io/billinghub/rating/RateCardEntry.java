package io.billinghub.rating;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One rate card row: in force for legs starting (UTC) on or after {@code effectiveDate} and before
 * {@code expiryDate} (exclusive; null = open-ended).
 */
public record RateCardEntry(
        int lineNo,
        String carrierName,
        String prefix,
        String destinationRegion,
        BigDecimal ratePerMinute,
        BillingIncrement increment,
        LocalDate effectiveDate,
        LocalDate expiryDate) {

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveDate) && (expiryDate == null || day.isBefore(expiryDate));
    }

    /** Whether two rows' effective ranges share at least one day. */
    public boolean overlaps(RateCardEntry other) {
        boolean startsBeforeOtherEnds = other.expiryDate == null || effectiveDate.isBefore(other.expiryDate);
        boolean otherStartsBeforeThisEnds = expiryDate == null || other.effectiveDate.isBefore(expiryDate);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }
}
