package io.billinghub.rating;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A leg after classification and rating. Raw and billed seconds are both kept; minutes are derived for display
 * (6 decimals) while aggregates are computed from seconds, so no minute rounding leaks into cost per minute.
 */
public record RatedLeg(
        String legId,
        String tenantId,
        String callId,
        LocalDate utcDay,
        Instant startTime,
        LegClass legClass,
        String legRole,
        RatingStatus status,
        UnratedReason unratedReason,
        String carrierName,
        String carrierId,
        String destinationNumber,
        String destinationRegion,
        String matchedPrefix,
        BigDecimal ratePerMinute,
        BillingIncrement increment,
        int rawSeconds,
        int billedSeconds,
        BigDecimal rawMinutes,
        BigDecimal billedMinutes,
        BigDecimal cost,
        String currency,
        long referenceVersionId) {
}
