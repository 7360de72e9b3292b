package io.billinghub.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.extraction.UsageLeg;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegRaterTest {

    private static final CarrierProfile BANDWIDTH =
            new CarrierProfile("bandwidth", "Bandwidth.com", ZoneId.of("America/New_York"), "USD", 4,
                    RoundingMode.HALF_UP);
    private static final CarrierProfile TWILIO =
            new CarrierProfile("twilio", "Twilio", ZoneId.of("UTC"), "USD", 4, RoundingMode.HALF_UP);

    private final RatingReference reference = new RatingReference(7L,
            Map.of("Bandwidth.com", BANDWIDTH, "Twilio", TWILIO),
            new RateCardIndex(List.of(
                    new RateCardEntry(1, "Bandwidth.com", "1415", "US-West", new BigDecimal("0.0080"),
                            BillingIncrement.parse("6/6"), LocalDate.parse("2026-01-01"), null),
                    new RateCardEntry(2, "Twilio", "1415", "US-West", new BigDecimal("0.0120"),
                            BillingIncrement.parse("60/60"), LocalDate.parse("2026-01-01"), null))));

    private final LegRater rater = new LegRater();

    private static UsageLeg leg(String legId, String carrier, String number, int billingSeconds, String callType,
                                String direction, String outcome) {
        return new UsageLeg(legId, "call-1", "acme", "genesys", Instant.parse("2026-10-01T14:22:10Z"),
                Instant.parse("2026-10-01T14:25:45Z"), billingSeconds, billingSeconds, carrier, number, callType,
                direction, outcome, "{}");
    }

    @Test
    void ratesWithTheCarriersIncrementAndRate() {
        // 61 s at 6/6 bills 66 s = 1.1 min; 1.1 × 0.0080 = 0.0088
        RatedLeg bw = rater.rate(leg("a", "Bandwidth.com", "+14155550198", 61, "voip", "outbound", "answered"),
                LegRoles.PRIMARY, reference);
        assertThat(bw.status()).isEqualTo(RatingStatus.RATED);
        assertThat(bw.billedSeconds()).isEqualTo(66);
        assertThat(bw.rawMinutes()).isEqualByComparingTo("1.016667");
        assertThat(bw.billedMinutes()).isEqualByComparingTo("1.1");
        assertThat(bw.cost()).isEqualByComparingTo("0.0088");
        assertThat(bw.destinationRegion()).isEqualTo("US-West");
        assertThat(bw.referenceVersionId()).isEqualTo(7L);

        // the same 61 s at Twilio's 60/60 bills 120 s = 2 min; 2 × 0.0120 = 0.0240
        RatedLeg tw = rater.rate(leg("b", "Twilio", "+14155550198", 61, "voip", "outbound", "answered"),
                LegRoles.FALLBACK, reference);
        assertThat(tw.billedSeconds()).isEqualTo(120);
        assertThat(tw.cost()).isEqualByComparingTo("0.0240");
        assertThat(tw.legRole()).isEqualTo(LegRoles.FALLBACK);
    }

    @Test
    void costIsRoundedOnceAtTheCarriersScale() {
        // 7 s at 6/6 bills 12 s: 12 × 0.0080 / 60 = 0.0016 exactly; 13 s bills 18 s: 0.0024
        assertThat(LegRater.cost(12, new BigDecimal("0.0080"), BANDWIDTH)).isEqualByComparingTo("0.0016");
        // 0.0085 per minute for 66 s = 0.00935 -> HALF_UP at 4 decimals = 0.0094
        assertThat(LegRater.cost(66, new BigDecimal("0.0085"), BANDWIDTH)).isEqualByComparingTo("0.0094");
    }

    @Test
    void monitorWhisperInternalAndUnansweredLegsAreExcluded() {
        assertThat(rater.rate(leg("m", "Bandwidth.com", "+14155550198", 200, "monitor", "internal", "answered"),
                null, reference)).extracting(RatedLeg::legClass, RatedLeg::status, RatedLeg::cost)
                .containsExactly(LegClass.MONITOR, RatingStatus.EXCLUDED, null);
        assertThat(rater.rate(leg("w", "Bandwidth.com", "+14155550198", 20, "whisper", "outbound", "answered"),
                null, reference).legClass()).isEqualTo(LegClass.WHISPER);
        assertThat(rater.rate(leg("i", null, "4001", 90, "voip", "internal", "answered"), null, reference)
                .legClass()).isEqualTo(LegClass.INTERNAL);
        assertThat(rater.rate(leg("f", "Bandwidth.com", "+14155550198", 0, "voip", "outbound", "failed"),
                null, reference).legClass()).isEqualTo(LegClass.UNANSWERED);
        assertThat(rater.rate(leg("z", "Bandwidth.com", "+14155550198", 0, "voip", "outbound", "answered"),
                null, reference).legClass()).isEqualTo(LegClass.ZERO_DURATION);
        assertThat(rater.rate(leg("in", "Bandwidth.com", "+14155550198", 30, "voip", "inbound", "answered"),
                null, reference).legClass()).isEqualTo(LegClass.NON_CARRIER);
    }

    @Test
    void unknownCarrierAndMissingRateAreKeptUnratedWithoutCost() {
        RatedLeg unknown = rater.rate(leg("u", "Lumen", "+14155550198", 61, "voip", "outbound", "answered"),
                LegRoles.PRIMARY, reference);
        assertThat(unknown.status()).isEqualTo(RatingStatus.UNRATED);
        assertThat(unknown.unratedReason()).isEqualTo(UnratedReason.UNKNOWN_CARRIER);
        assertThat(unknown.cost()).isNull();
        assertThat(unknown.billedSeconds()).isEqualTo(61);

        RatedLeg noRate = rater.rate(leg("n", "Bandwidth.com", "+68812345", 61, "voip", "outbound", "answered"),
                LegRoles.PRIMARY, reference);
        assertThat(noRate.status()).isEqualTo(RatingStatus.UNRATED);
        assertThat(noRate.unratedReason()).isEqualTo(UnratedReason.NO_RATE);
        assertThat(noRate.carrierId()).isEqualTo("bandwidth");
    }

    @Test
    void numbersAreMatchedOnTheirE164Digits() {
        assertThat(LegRater.digitsOf("+1 (415) 555-0198")).isEqualTo("14155550198");
        assertThat(LegRater.digitsOf("0044 20 7946 0000")).isEqualTo("442079460000");
        assertThat(LegRater.digitsOf(null)).isEmpty();
    }

    @Test
    void minutesInWholeNumbersAreTheDecimalDivisionRoundedHalfUp() {
        // 1 s = 0.0166666… → 0.016667; 5 s = 0.083333…; 89 s = 1.483333…; 91 s = 1.516666… → 1.516667
        assertThat(LegRater.minutes(1)).isEqualTo(new BigDecimal("0.016667"));
        assertThat(LegRater.minutes(5)).isEqualTo(new BigDecimal("0.083333"));
        assertThat(LegRater.minutes(89)).isEqualTo(new BigDecimal("1.483333"));
        assertThat(LegRater.minutes(91)).isEqualTo(new BigDecimal("1.516667"));
        assertThat(LegRater.minutes(0)).isEqualTo(new BigDecimal("0.000000"));
        for (long seconds = 0; seconds <= 200_000; seconds++) {
            assertThat(LegRater.minutes(seconds)).isEqualTo(BigDecimal.valueOf(seconds)
                    .divide(BigDecimal.valueOf(60), LegRater.MINUTE_SCALE, RoundingMode.HALF_UP));
        }
    }
}
