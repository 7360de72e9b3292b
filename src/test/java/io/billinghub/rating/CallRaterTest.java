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

class CallRaterTest {

    private static final CarrierProfile TWILIO =
            new CarrierProfile("twilio", "Twilio", ZoneId.of("UTC"), "USD", 4, RoundingMode.HALF_UP);

    private final RatingReference reference = new RatingReference(3L, Map.of("Twilio", TWILIO),
            new RateCardIndex(List.of(new RateCardEntry(1, "Twilio", "1415", "US-West", new BigDecimal("0.0120"),
                    BillingIncrement.parse("60/60"), LocalDate.parse("2026-01-01"), null))));

    private final CallRater rater = new CallRater();

    private static UsageLeg leg(String legId, String callId, String start) {
        return new UsageLeg(legId, callId, "acme", "usage-file", Instant.parse(start), null, 30, 30, "Twilio",
                "+14155550198", "voip", "outbound", "answered", legId);
    }

    @Test
    void legsAreRatedInCallOrderOneRatedLegPerLeg() {
        // calls c1 and c2 interleaved in the file: c1's legs first (its first leg came first), each call's legs in
        // the file's order; the second leg of c1 starts later, so it is the transfer
        List<UsageLeg> file = List.of(leg("a", "c1", "2026-10-01T10:00:00Z"), leg("b", "c2", "2026-10-01T10:00:05Z"),
                leg("c", "c1", "2026-10-01T10:01:00Z"));

        List<UsageLeg> ordered = CallRater.inCallOrder(file);
        List<RatedLeg> rated = rater.rate(ordered, reference);

        assertThat(ordered).extracting(UsageLeg::legId).containsExactly("a", "c", "b");
        assertThat(rated).extracting(RatedLeg::legId).containsExactly("a", "c", "b");
        assertThat(rated).extracting(RatedLeg::legRole)
                .containsExactly(LegRoles.PRIMARY, LegRoles.TRANSFER, LegRoles.PRIMARY);
    }

    @Test
    void aLegRatedAgainAloneKeepsTheRoleItWasGivenWithItsCall() {
        // c's call partner is not given: alone it would be its call's PRIMARY; with its stored role it stays the
        // TRANSFER. 30 s at 60/60 bills 60 s: 1 × 0.0120 = 0.0120
        List<RatedLeg> rated = rater.rate(List.of(leg("c", "c1", "2026-10-01T10:01:00Z")),
                Map.of("c", LegRoles.TRANSFER), reference);

        assertThat(rated).singleElement().satisfies(leg -> {
            assertThat(leg.legRole()).isEqualTo(LegRoles.TRANSFER);
            assertThat(leg.cost()).isEqualByComparingTo("0.0120");
        });
        assertThat(rater.rate(List.of(leg("c", "c1", "2026-10-01T10:01:00Z")), reference))
                .extracting(RatedLeg::legRole).containsExactly(LegRoles.PRIMARY);
    }
}
