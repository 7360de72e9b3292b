package io.billinghub.rating;

import io.billinghub.extraction.UsageLeg;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Prices one leg with the rate card row in force at its start (UTC day) for its actual carrierName — never the
 * routing policy's primary carrier, so a fallback leg is charged at the carrier that really carried it.
 */
public final class LegRater {

    /** Display scale of minutes; cost is computed from seconds, not from these. */
    public static final int MINUTE_SCALE = 6;
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private final LegClassifier classifier = new LegClassifier();

    public RatedLeg rate(UsageLeg leg, String legRole, RatingReference reference) {
        LegClass legClass = classifier.classify(leg);
        LocalDate day = LocalDate.ofInstant(leg.startTime(), ZoneOffset.UTC);
        int rawSeconds = Math.max(leg.billingDurationSeconds(), 0);
        if (!legClass.carriesCarrierCost()) {
            return result(leg, day, legClass, null, RatingStatus.EXCLUDED, null, null, null, rawSeconds, 0,
                    reference.versionId());
        }
        Optional<CarrierProfile> carrier = reference.carrier(leg.carrierName());
        if (carrier.isEmpty()) {
            return result(leg, day, legClass, legRole, RatingStatus.UNRATED, UnratedReason.UNKNOWN_CARRIER, null, null,
                    rawSeconds, rawSeconds, reference.versionId());
        }
        String digits = digitsOf(leg.destinationNumber());
        if (digits.isEmpty()) {
            return result(leg, day, legClass, legRole, RatingStatus.UNRATED, UnratedReason.NO_DESTINATION,
                    carrier.get(), null, rawSeconds, rawSeconds, reference.versionId());
        }
        Optional<RateCardEntry> row = reference.rateCards().find(leg.carrierName(), digits, day);
        if (row.isEmpty()) {
            return result(leg, day, legClass, legRole, RatingStatus.UNRATED, UnratedReason.NO_RATE, carrier.get(), null,
                    rawSeconds, rawSeconds, reference.versionId());
        }
        int billedSeconds = row.get().increment().billedSeconds(rawSeconds);
        return result(leg, day, legClass, legRole, RatingStatus.RATED, null, carrier.get(), row.get(), rawSeconds,
                billedSeconds, reference.versionId());
    }

    /** Cost = billed seconds × rate per minute / 60, rounded once with the carrier's declared scale and mode. */
    public static BigDecimal cost(int billedSeconds, BigDecimal ratePerMinute, CarrierProfile carrier) {
        return ratePerMinute.multiply(BigDecimal.valueOf(billedSeconds))
                .divide(SIXTY, carrier.costScale(), carrier.roundingMode());
    }

    /** Seconds / 60 at 6 decimals, half up; in whole numbers (millions of legs), exact. */
    public static BigDecimal minutes(long seconds) {
        if (seconds >= 0 && seconds < Long.MAX_VALUE / 2_000_000) {
            return BigDecimal.valueOf((seconds * 2_000_000 + 60) / 120, MINUTE_SCALE);
        }
        return BigDecimal.valueOf(seconds).divide(SIXTY, MINUTE_SCALE, RoundingMode.HALF_UP);
    }

    /** E.164 digits without '+', separators or an international "00" prefix: what rate card prefixes match. */
    static String digitsOf(String number) {
        if (number == null) {
            return "";
        }
        StringBuilder digits = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.length() >= 2 && digits.charAt(0) == '0' && digits.charAt(1) == '0' ? digits.substring(2)
                : digits.toString();
    }

    private static RatedLeg result(UsageLeg leg, LocalDate day, LegClass legClass, String legRole,
                                   RatingStatus status, UnratedReason reason, CarrierProfile carrier,
                                   RateCardEntry row, int rawSeconds, int billedSeconds, long versionId) {
        BigDecimal cost = row == null ? null : cost(billedSeconds, row.ratePerMinute(), carrier);
        return new RatedLeg(
                leg.legId(), leg.tenantId(), leg.callId(), day, leg.startTime(), legClass, legRole, status, reason,
                leg.carrierName(), carrier == null ? null : carrier.carrierId(), leg.destinationNumber(),
                row == null ? null : row.destinationRegion(), row == null ? null : row.prefix(),
                row == null ? null : row.ratePerMinute(), row == null ? null : row.increment(),
                rawSeconds, billedSeconds, minutes(rawSeconds), minutes(billedSeconds), cost,
                carrier == null ? null : carrier.currency(), versionId);
    }
}
