package io.billinghub.cpm;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.rating.BillingIncrement;
import io.billinghub.rating.LegClass;
import io.billinghub.rating.RatedLeg;
import io.billinghub.rating.RatingStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpmAggregationTest {

    private static final LocalDate D20 = LocalDate.parse("2026-10-20");
    private static final LocalDate D21 = LocalDate.parse("2026-10-21");

    @Test
    void sumsRatedLegsByCarrierRegionAndDayAtTheirLegScale() {
        CpmAggregation first = new CpmAggregation();
        first.add(List.of(
                rated("a", "Twilio", "US", D20, 120, "0.0240"),
                rated("b", "Twilio", "US", D20, 60, "0.0120"),
                rated("c", "Telnyx", "US", D20, 45, "0.005625"),
                excluded("d", D20)));
        CpmAggregation second = new CpmAggregation();
        second.add(List.of(rated("e", "Twilio", "US", D21, 60, "0.0120"),
                rated("f", "Twilio", "US", D20, 61, "0.0122")));
        first.addAll(second);

        // Twilio/US on the 20th: 3 legs, 120 + 60 + 61 = 241 s, 0.0240 + 0.0120 + 0.0122 = 0.0482
        assertThat(first.daily()).containsExactly(
                new DailyUsage("Telnyx", "US", D20, 1, 45, new BigDecimal("0.005625")),
                new DailyUsage("Twilio", "US", D20, 3, 241, new BigDecimal("0.0482")),
                new DailyUsage("Twilio", "US", D21, 1, 60, new BigDecimal("0.0120")));
        assertThat(first.totalCost()).isEqualByComparingTo("0.065825");
    }

    private static RatedLeg rated(String id, String carrier, String region, LocalDate day, int billed, String cost) {
        return new RatedLeg(id, "acme", "call-" + id, day, day.atStartOfDay().toInstant(ZoneOffset.UTC),
                LegClass.CARRIER, "PRIMARY", RatingStatus.RATED, null, carrier, carrier.toLowerCase(), "+1212",
                region, "1", new BigDecimal("0.0120"), BillingIncrement.parse("60/60"), billed, billed, null, null,
                new BigDecimal(cost), "USD", 1L);
    }

    private static RatedLeg excluded(String id, LocalDate day) {
        return new RatedLeg(id, "acme", "call-" + id, day, Instant.parse("2026-10-20T10:00:00Z"), LegClass.MONITOR,
                null, RatingStatus.EXCLUDED, null, "Twilio", null, "+1212", null, null, null, null, 30, 0, null, null,
                null, null, 1L);
    }
}
