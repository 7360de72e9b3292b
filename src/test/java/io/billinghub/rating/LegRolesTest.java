package io.billinghub.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.extraction.UsageLeg;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegRolesTest {

    private static UsageLeg leg(String legId, String start, String carrier, String callType, String direction,
                                String outcome, int seconds) {
        return new UsageLeg(legId, "c1", "acme", "genesys", Instant.parse(start), Instant.parse(start), seconds,
                seconds, carrier, "+14155550198", callType, direction, outcome, "{}");
    }

    @Test
    void firstCarrierLegIsPrimaryAndLaterOnesAreTransfers() {
        List<UsageLeg> call = List.of(
                leg("l3", "2026-10-01T10:05:00Z", "Twilio", "voip", "outbound", "answered", 40),
                leg("l1", "2026-10-01T10:00:00Z", "Bandwidth.com", "voip", "outbound", "answered", 300),
                leg("m1", "2026-10-01T10:01:00Z", null, "monitor", "internal", "answered", 120));
        assertThat(new LegRoles().assign(call))
                .containsEntry("l1", LegRoles.PRIMARY)
                .containsEntry("l3", LegRoles.TRANSFER)
                .doesNotContainKey("m1");
    }

    @Test
    void anAnsweredLegAfterAFailedAttemptOnAnotherCarrierIsAFallback() {
        List<UsageLeg> call = List.of(
                leg("p", "2026-10-01T10:00:00Z", "Bandwidth.com", "voip", "outbound", "failed", 0),
                leg("s", "2026-10-01T10:00:02Z", "Twilio", "voip", "outbound", "answered", 95));
        assertThat(new LegRoles().assign(call)).containsExactlyEntriesOf(java.util.Map.of("s", LegRoles.FALLBACK));
    }
}
