package io.billinghub.sandbox;

import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UsageMonthGeneratorTest {

    /** The default run's month: hub.embedded.sandbox period 2026-10, 120 calls per day, seed 20261001. */
    private static final List<SandboxLeg> MONTH = UsageMonthGenerator.generate(YearMonth.of(2026, 10), 120, 20261001L);
    private static final Map<String, List<SandboxLeg>> CALLS = MONTH.stream()
            .collect(groupingBy(SandboxLeg::callId, LinkedHashMap::new, Collectors.toList()));

    /** Prefixes each carrier has a rate for, copied from mappings/rate-cards.csv. */
    private static final Map<String, List<String>> RATED_PREFIXES = Map.of(
            "Bandwidth.com", List.of("1", "1212", "1415", "1312", "1800", "44", "4420"),
            "Twilio", List.of("1", "1212", "1415", "1312", "44", "52"),
            "Telnyx", List.of("1", "1312", "1212", "49", "52"),
            "Sinch", List.of("1", "44", "91"));

    @Test
    void theDefaultMonthIsPinned() {
        // Pinned from a run of this generator; any change to it changes the demo's numbers, so it must be deliberate.
        assertThat(MONTH).hasSize(4644);
        assertThat(sha256(MONTH)).isEqualTo("523e7655bd0af58f30c0da35821865fb7deda5cc60d388b6e14e2ae445f8a1d5");
        assertThat(MONTH.get(0)).isEqualTo(new SandboxLeg("d666fdf0-a5a7-3fe4-82f9-ffa641865e55",
                "leg-869deb1a-6fe8-381f-a50f-d84dca4ec13c", Instant.parse("2026-10-01T00:14:18.436Z"),
                Instant.parse("2026-10-01T00:14:19.170Z"), 0, 0, "Bandwidth.com", "+14155557910",
                "San Francisco, CA", "voip", "outbound", "failed"));
        assertThat(MONTH.get(MONTH.size() - 1)).isEqualTo(new SandboxLeg("a3315afb-29af-357c-87d9-4510f7e57e84",
                "leg-568a7171-03b8-3bee-a18c-49fd8201b5f4", Instant.parse("2026-10-31T23:56:53.433Z"),
                Instant.parse("2026-11-01T00:13:25.433Z"), 992, 996, "Sinch", "+912261246608", "Mumbai, IN",
                "voip", "outbound", "answered"));
    }

    @Test
    void sameSettingsGiveTheSameRecordsAndAnotherSeedOthers() {
        assertThat(UsageMonthGenerator.generate(YearMonth.of(2026, 10), 120, 20261001L)).isEqualTo(MONTH);
        assertThat(UsageMonthGenerator.generate(YearMonth.of(2026, 10), 120, 1L)).isNotEqualTo(MONTH);
    }

    @Test
    void recordsAreSortedAndIdsStableAndUnique() {
        assertThat(MONTH).isSortedAccordingTo(
                Comparator.comparing(SandboxLeg::startTime).thenComparing(SandboxLeg::legId));
        assertThat(MONTH).extracting(SandboxLeg::legId).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("leg-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"));
        assertThat(CALLS.keySet()).allMatch(id -> id.matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"));
        // 31 days x 120 calls.
        assertThat(CALLS).hasSize(3720);
    }

    @Test
    void everyCallStartsInTheMonthAndEveryDayHasALegRunningPastMidnight() {
        // A call's later legs (a transfer) may start after the month's last midnight; its first leg may not.
        assertThat(CALLS.values()).allMatch(legs -> YearMonth.from(legs.get(0).startTime().atZone(ZoneOffset.UTC))
                .equals(YearMonth.of(2026, 10)));
        Set<LocalDate> crossingDays = MONTH.stream()
                .filter(leg -> !day(leg.startTime()).equals(day(leg.endTime())))
                .map(leg -> day(leg.startTime()))
                .collect(Collectors.toSet());
        assertThat(crossingDays).hasSize(31);
        // Spread over the day, not bunched: every UTC hour has legs.
        assertThat(MONTH.stream().map(leg -> leg.startTime().atZone(ZoneOffset.UTC).getHour()).distinct())
                .hasSize(24);
    }

    @Test
    void fieldsHaveTheVendorsShapesAndValues() {
        assertThat(MONTH).allSatisfy(leg -> {
            assertThat(leg.destinationNumber()).matches("\\+[1-9][0-9]{7,14}");
            assertThat(leg.callType()).isIn("voip", "monitor", "whisper", "internal");
            assertThat(leg.direction()).isIn("outbound", "inbound", "internal");
            assertThat(leg.callOutcome()).isIn("answered", "no-answer", "failed", "busy");
            assertThat(leg.endTime()).isAfterOrEqualTo(leg.startTime());
            // Whole seconds of the leg, truncated.
            assertThat(leg.duration()).isEqualTo(
                    (int) Duration.between(leg.startTime(), leg.endTime()).toSeconds());
            assertThat(leg.destinationLocation()).isNotBlank();
        });
    }

    @Test
    void billingDurationIsTheCarriersRoundingOfAnsweredLegs() {
        assertThat(MONTH).filteredOn(answered()).allSatisfy(leg -> {
            assertThat(leg.duration()).isBetween(5, 1800);
            assertThat(leg.billingDuration()).isGreaterThanOrEqualTo(leg.duration());
        });
        assertThat(MONTH).filteredOn(answered().negate()).allMatch(leg -> leg.billingDuration() == 0);
        // Per carrier, from the rate cards' billing_increment: Twilio 60/60, Bandwidth 6/6, Telnyx 1/1, Sinch 30/6.
        assertThat(MONTH).filteredOn(answered()).filteredOn(leg -> leg.carrierName().equals("Twilio"))
                .allMatch(leg -> leg.billingDuration() % 60 == 0);
        assertThat(MONTH).filteredOn(answered()).filteredOn(leg -> leg.carrierName().equals("Telnyx"))
                .allMatch(leg -> leg.billingDuration().equals(leg.duration()));
        // Realistic skew: half the answered legs are at most about 3 minutes, a few run half an hour.
        List<Integer> durations = MONTH.stream().filter(answered()).map(SandboxLeg::duration).sorted().toList();
        assertThat(durations.get(durations.size() / 2)).isBetween(150, 210);
        assertThat(durations).contains(1800);
    }

    @Test
    void roundingFollowsTheContractedIncrements() {
        assertThat(UsageMonthGenerator.BANDWIDTH.billed(211)).isEqualTo(216);
        assertThat(UsageMonthGenerator.BANDWIDTH.billed(216)).isEqualTo(216);
        assertThat(UsageMonthGenerator.TWILIO.billed(24)).isEqualTo(60);
        assertThat(UsageMonthGenerator.TWILIO.billed(61)).isEqualTo(120);
        assertThat(UsageMonthGenerator.TELNYX.billed(7)).isEqualTo(7);
        // 30/6: at least 30 s, then 6 s steps.
        assertThat(UsageMonthGenerator.SINCH.billed(10)).isEqualTo(30);
        assertThat(UsageMonthGenerator.SINCH.billed(31)).isEqualTo(36);
        assertThat(UsageMonthGenerator.SINCH.billed(0)).isZero();
    }

    @Test
    void carriersAreTheMappedOnesPlusAFewLegsOnAnUnknownCarrier() {
        Map<String, Long> legsByCarrier =
                MONTH.stream().collect(groupingBy(SandboxLeg::carrierName, Collectors.counting()));
        assertThat(legsByCarrier).containsOnlyKeys("Bandwidth.com", "Twilio", "Telnyx", "Sinch", "Lumen");
        // "A few": present, but under 2 % of legs.
        assertThat(legsByCarrier.get("Lumen")).isPositive().isLessThan(MONTH.size() / 50);
        // Weighted: Bandwidth.com carries the most.
        assertThat(legsByCarrier.get("Bandwidth.com")).isGreaterThan(legsByCarrier.get("Twilio"));
    }

    @Test
    void destinationsCoverTheRateCardPrefixesAndSomeMatchNoRate() {
        List<String> prefixes = List.of("+1212555", "+1415555", "+1312555", "+1713555", "+1800555", "+4420",
                "+44161", "+5255", "+4930", "+9122", "+688");
        assertThat(MONTH).allMatch(leg -> prefixes.stream().anyMatch(leg.destinationNumber()::startsWith));
        assertThat(prefixes)
                .allMatch(prefix -> MONTH.stream().anyMatch(leg -> leg.destinationNumber().startsWith(prefix)));
        assertThat(MONTH).anyMatch(on("Telnyx", "+9122")).anyMatch(on("Twilio", "+4930"));
        // Legs of mapped carriers that no rate card row of their carrier covers, +688 included.
        List<SandboxLeg> unrated = MONTH.stream()
                .filter(leg -> RATED_PREFIXES.containsKey(leg.carrierName()))
                .filter(leg -> RATED_PREFIXES.get(leg.carrierName()).stream()
                        .noneMatch(prefix -> leg.destinationNumber().startsWith("+" + prefix)))
                .toList();
        assertThat(unrated).isNotEmpty().hasSizeLessThan(MONTH.size() / 10);
        assertThat(unrated).anyMatch(leg -> leg.destinationNumber().startsWith("+688"));
    }

    @Test
    void containsSimpleOutboundCalls() {
        assertThat(CALLS.values()).anyMatch(legs -> legs.size() == 1 && isOutboundVoip(legs.get(0))
                && legs.get(0).callOutcome().equals("answered"));
    }

    @Test
    void containsTransfersToASecondNumber() {
        assertThat(CALLS.values()).anyMatch(legs -> legs.size() == 2
                && legs.stream().allMatch(leg -> isOutboundVoip(leg) && leg.callOutcome().equals("answered"))
                && !legs.get(0).destinationNumber().equals(legs.get(1).destinationNumber())
                && legs.get(1).startTime().isAfter(legs.get(0).startTime()));
    }

    @Test
    void containsSupervisorMonitorAndWhisperLegsOnTheSameCall() {
        assertThat(CALLS.values()).anyMatch(legs -> sideLeg(legs, "monitor"));
        assertThat(CALLS.values()).anyMatch(legs -> sideLeg(legs, "whisper"));
    }

    @Test
    void containsInternalAndInboundLegs() {
        assertThat(MONTH).anyMatch(leg -> leg.callType().equals("voip") && leg.direction().equals("internal"));
        assertThat(MONTH).anyMatch(leg -> leg.callType().equals("voip") && leg.direction().equals("inbound"));
    }

    @Test
    void containsUnansweredAttemptsThatBillNothing() {
        assertThat(MONTH).anyMatch(leg -> leg.callOutcome().equals("no-answer") && leg.duration() > 0
                && leg.billingDuration() == 0);
        assertThat(MONTH).anyMatch(leg -> leg.callOutcome().equals("busy") && leg.billingDuration() == 0);
    }

    @Test
    void containsCarrierFallbackFromAFailedAttemptToAnotherCarrier() {
        assertThat(CALLS.values()).anyMatch(legs -> legs.size() == 2
                && legs.get(0).callOutcome().equals("failed")
                && legs.get(0).duration() == 0 && legs.get(0).billingDuration() == 0
                && legs.get(1).callOutcome().equals("answered")
                && legs.get(1).startTime().isAfter(legs.get(0).endTime())
                && !legs.get(1).carrierName().equals(legs.get(0).carrierName())
                && legs.get(1).destinationNumber().equals(legs.get(0).destinationNumber()));
        // A failed leg is always followed by an answered one on another carrier.
        assertThat(MONTH).filteredOn(leg -> leg.callOutcome().equals("failed")).allSatisfy(failed ->
                assertThat(CALLS.get(failed.callId())).anyMatch(leg -> leg.callOutcome().equals("answered")
                        && !leg.carrierName().equals(failed.carrierName())));
    }

    /** A call with an outbound voip leg and an internal side leg of the given type on its carrier and number. */
    private static boolean sideLeg(List<SandboxLeg> legs, String callType) {
        SandboxLeg main = legs.get(0);
        return legs.size() == 2 && isOutboundVoip(main)
                && legs.get(1).callType().equals(callType) && legs.get(1).direction().equals("internal")
                && legs.get(1).carrierName().equals(main.carrierName())
                && legs.get(1).destinationNumber().equals(main.destinationNumber())
                && !legs.get(1).startTime().isBefore(main.startTime());
    }

    private static boolean isOutboundVoip(SandboxLeg leg) {
        return leg.callType().equals("voip") && leg.direction().equals("outbound");
    }

    private static Predicate<SandboxLeg> answered() {
        return leg -> leg.callOutcome().equals("answered");
    }

    private static Predicate<SandboxLeg> on(String carrier, String prefix) {
        return leg -> leg.carrierName().equals(carrier) && leg.destinationNumber().startsWith(prefix);
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** SHA-256 over one line per leg, fields joined by '|', times as the API writes them. */
    private static String sha256(List<SandboxLeg> legs) {
        String canonical = legs.stream().map(leg -> String.join("|", leg.callId(), leg.legId(),
                        SandboxLeg.UtcMillis.FORMAT.format(leg.startTime()),
                        SandboxLeg.UtcMillis.FORMAT.format(leg.endTime()),
                        leg.duration().toString(), leg.billingDuration().toString(), leg.carrierName(),
                        leg.destinationNumber(), leg.destinationLocation(), leg.callType(), leg.direction(),
                        leg.callOutcome()))
                .collect(Collectors.joining("\n"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
