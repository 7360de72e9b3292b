package io.billinghub.extraction.genesys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.extraction.UsageLeg;
import io.billinghub.rating.LegClass;
import io.billinghub.rating.LegClassifier;
import io.billinghub.rating.LegRoles;
import io.billinghub.referencedata.EdgeCarrierEntry;
import io.billinghub.referencedata.EdgeCarrierIndex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-written Genesys conversations mapped to canonical legs; every figure is worked out in the comments. */
class ConversationLegMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EdgeCarrierIndex EDGES = new EdgeCarrierIndex(List.of(
            new EdgeCarrierEntry(2, "edge-bw", "Bandwidth.com", LocalDate.parse("2026-01-01"), null),
            new EdgeCarrierEntry(3, "edge-tw", "Twilio", LocalDate.parse("2026-01-01"), null),
            // the edge changed carrier on 16 October (a handover day: the successor is in force that day)
            new EdgeCarrierEntry(4, "edge-x", "Telnyx", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-10-16")),
            new EdgeCarrierEntry(5, "edge-x", "Sinch", LocalDate.parse("2026-10-16"), null)));
    private final ConversationLegMapper mapper = new ConversationLegMapper(EDGES);

    @Test
    void aTransferredCallIsTwoCarrierLegsAndTheAgentOnWebRtcIsNone() {
        ConversationLegMapper.Mapped mapped = map("""
                {"conversationId": "c1", "participants": [
                  {"participantId": "p-cust", "purpose": "customer", "sessions": [
                    {"sessionId": "s1", "mediaType": "voice", "direction": "outbound", "edgeId": "edge-bw",
                     "ani": "tel:+13125550100", "dnis": "tel:+14155550101", "segments": [
                      {"segmentStart": "2026-10-15T10:00:00.000Z", "segmentEnd": "2026-10-15T10:00:05.000Z",
                       "segmentType": "dialing"},
                      {"segmentStart": "2026-10-15T10:00:05.000Z", "segmentEnd": "2026-10-15T10:02:05.500Z",
                       "segmentType": "interact"},
                      {"segmentStart": "2026-10-15T10:02:05.500Z", "segmentEnd": "2026-10-15T10:02:35.500Z",
                       "segmentType": "hold"},
                      {"segmentStart": "2026-10-15T10:02:35.500Z", "segmentEnd": "2026-10-15T10:03:00.000Z",
                       "segmentType": "interact", "disconnectType": "transfer"}]}]},
                  {"participantId": "p-agent", "purpose": "agent", "sessions": [
                    {"sessionId": "s-agent", "mediaType": "voice", "direction": "outbound", "segments": [
                      {"segmentStart": "2026-10-15T10:00:00.000Z", "segmentEnd": "2026-10-15T10:03:00.000Z",
                       "segmentType": "interact"}]}]},
                  {"participantId": "p-ext", "purpose": "external", "sessions": [
                    {"sessionId": "s2", "mediaType": "voice", "direction": "outbound", "edgeId": "edge-tw",
                     "dnis": "sip:+442071234567@trunk.example", "segments": [
                      {"segmentStart": "2026-10-15T10:02:40.000Z", "segmentEnd": "2026-10-15T10:02:50.000Z",
                       "segmentType": "dialing"},
                      {"segmentStart": "2026-10-15T10:02:50.000Z", "segmentEnd": "2026-10-15T10:04:00.000Z",
                       "segmentType": "interact"}]}]}]}""");

        assertThat(mapped.rejected()).isEmpty();
        // s1: 10:00:00 to 10:03:00 = 180 s; connected 120.5 (interact) + 30 (hold) + 24.5 (interact) = 175 s,
        // the 5 s of dialing excluded
        assertThat(mapped.legs().get(0)).isEqualTo(new UsageLeg("s1", "c1", "acme", "genesys",
                Instant.parse("2026-10-15T10:00:00Z"), Instant.parse("2026-10-15T10:03:00Z"), 180, 175,
                "Bandwidth.com", "+14155550101", "voip", "outbound", "answered", mapped.legs().get(0).rawPayload()));
        // s2: 10:02:40 to 10:04:00 = 80 s; connected 70 s; the sip: address as its number
        UsageLeg transfer = mapped.legs().get(1);
        assertThat(List.of(transfer.legId(), transfer.durationSeconds(), transfer.billingDurationSeconds(),
                transfer.carrierName(), transfer.destinationNumber(), transfer.callOutcome()))
                .containsExactly("s2", 80, 70, "Twilio", "+442071234567", "answered");
        assertThat(new LegRoles().assign(mapped.legs())).containsEntry("s1", LegRoles.PRIMARY)
                .containsEntry("s2", LegRoles.TRANSFER).hasSize(2);
        JsonNode raw = read(transfer.rawPayload());
        assertThat(raw.path("conversationId").asText()).isEqualTo("c1");
        assertThat(raw.path("participantId").asText()).isEqualTo("p-ext");
        assertThat(raw.path("mappedCarrier").asText()).isEqualTo("Twilio");
        assertThat(raw.path("session").path("sessionId").asText()).isEqualTo("s2");
    }

    @Test
    void monitorAndWhisperSessionsTakeTheCarrierAndNumberOfTheCallTheyTap() {
        ConversationLegMapper.Mapped mapped = map("""
                {"conversationId": "c2", "participants": [
                  {"participantId": "p-cust", "purpose": "customer", "sessions": [
                    {"sessionId": "s3", "mediaType": "voice", "direction": "outbound", "edgeId": "edge-tw",
                     "dnis": "tel:+12125550107", "segments": [
                      {"segmentStart": "2026-10-15T11:00:00.000Z", "segmentEnd": "2026-10-15T11:05:00.000Z",
                       "segmentType": "interact"}]}]},
                  {"participantId": "p-sup", "purpose": "user", "sessions": [
                    {"sessionId": "s4", "mediaType": "voice", "monitoredParticipantId": "p-agent", "segments": [
                      {"segmentStart": "2026-10-15T11:01:00.000Z", "segmentEnd": "2026-10-15T11:02:30.000Z",
                       "segmentType": "interact"}]},
                    {"sessionId": "s5", "mediaType": "voice", "coachedParticipantId": "p-agent", "segments": [
                      {"segmentStart": "2026-10-15T11:00:00.000Z", "segmentEnd": "2026-10-15T11:00:12.000Z",
                       "segmentType": "interact"}]}]}]}""");

        assertThat(mapped.rejected()).isEmpty();
        // sorted by start, then legId: s3 and s5 both start at 11:00:00
        assertThat(mapped.legs()).extracting(UsageLeg::legId, UsageLeg::callType, UsageLeg::direction,
                        UsageLeg::carrierName, UsageLeg::destinationNumber, UsageLeg::durationSeconds)
                .containsExactly(
                        tuple("s3", "voip", "outbound", "Twilio", "+12125550107", 300),
                        tuple("s5", "whisper", "internal", "Twilio", "+12125550107", 12),
                        tuple("s4", "monitor", "internal", "Twilio", "+12125550107", 90));
        LegClassifier classifier = new LegClassifier();
        assertThat(mapped.legs()).extracting(classifier::classify)
                .containsExactly(LegClass.CARRIER, LegClass.WHISPER, LegClass.MONITOR);
    }

    @Test
    void unansweredSessionsAreNoAnswerBusyOrFailedWithoutConnectedSeconds() {
        ConversationLegMapper.Mapped mapped = map("""
                {"conversationId": "c3", "participants": [
                  {"participantId": "p-cust", "purpose": "customer", "sessions": [
                    {"sessionId": "s6", "mediaType": "voice", "direction": "outbound", "edgeId": "edge-bw",
                     "dnis": "tel:+14155550110", "segments": [
                      {"segmentStart": "2026-10-15T12:00:00.000Z", "segmentEnd": "2026-10-15T12:00:25.000Z",
                       "segmentType": "dialing", "disconnectType": "peer", "sipResponseCodes": [480]}]},
                    {"sessionId": "s7", "mediaType": "voice", "direction": "outbound", "edgeId": "edge-bw",
                     "dnis": "tel:+14155550110", "segments": [
                      {"segmentStart": "2026-10-15T12:01:00.000Z", "segmentEnd": "2026-10-15T12:01:03.000Z",
                       "segmentType": "dialing", "disconnectType": "peer", "sipResponseCodes": [486]}]},
                    {"sessionId": "s8", "mediaType": "voice", "direction": "outbound", "edgeId": "edge-tw",
                     "dnis": "tel:+14155550110", "segments": [
                      {"segmentStart": "2026-10-15T12:02:00.000Z", "segmentEnd": "2026-10-15T12:02:00.400Z",
                       "segmentType": "contacting", "disconnectType": "error", "sipResponseCodes": [503]}]},
                    {"sessionId": "s9", "mediaType": "voice", "direction": "outbound", "edgeId": "edge-tw",
                     "dnis": "tel:+14155550110", "segments": [
                      {"segmentStart": "2026-10-15T12:03:00.000Z", "segmentEnd": "2026-10-15T12:03:02.000Z",
                       "segmentType": "alert", "q850ResponseCodes": [17]}]}]}]}""");

        assertThat(mapped.legs()).extracting(UsageLeg::legId, UsageLeg::callOutcome, UsageLeg::durationSeconds,
                        UsageLeg::billingDurationSeconds)
                .containsExactly(
                        tuple("s6", "no-answer", 25, 0),
                        tuple("s7", "busy", 3, 0),
                        // 0.4 s: whole seconds, truncated
                        tuple("s8", "failed", 0, 0),
                        tuple("s9", "busy", 2, 0));
        assertThat(mapped.legs()).extracting(new LegClassifier()::classify).containsOnly(LegClass.UNANSWERED);
    }

    @Test
    void aCallBetweenTheTenantsOwnPhonesIsAnInternalLeg() {
        ConversationLegMapper.Mapped mapped = map("""
                {"conversationId": "c4", "participants": [
                  {"participantId": "p-a", "purpose": "user", "sessions": [
                    {"sessionId": "s10", "mediaType": "voice", "direction": "outbound", "edgeId": "edge-bw",
                     "dnis": "tel:+13125550142", "segments": [
                      {"segmentStart": "2026-10-15T13:00:00.000Z", "segmentEnd": "2026-10-15T13:01:00.000Z",
                       "segmentType": "interact"}]}]},
                  {"participantId": "p-b", "purpose": "user", "sessions": [
                    {"sessionId": "s11", "mediaType": "voice", "direction": "inbound", "segments": [
                      {"segmentStart": "2026-10-15T13:00:00.000Z", "segmentEnd": "2026-10-15T13:01:00.000Z",
                       "segmentType": "interact"}]}]}]}""");

        assertThat(mapped.legs()).singleElement().satisfies(leg -> {
            assertThat(List.of(leg.legId(), leg.callType(), leg.direction(), leg.carrierName(),
                    leg.billingDurationSeconds())).containsExactly("s10", "voip", "internal", "Bandwidth.com", 60);
            assertThat(new LegClassifier().classify(leg)).isEqualTo(LegClass.INTERNAL);
        });
    }

    @Test
    void aCallAcrossMidnightKeepsTheCarrierOfTheDayItStarted() {
        ConversationLegMapper.Mapped mapped = map("""
                {"conversationId": "c5", "participants": [
                  {"participantId": "p-cust", "purpose": "customer", "sessions": [
                    {"sessionId": "s12", "mediaType": "voice", "direction": "inbound", "edgeId": "edge-x",
                     "ani": "tel:+14085550123", "dnis": "tel:+18005550142", "segments": [
                      {"segmentStart": "2026-10-15T23:58:30.250Z", "segmentEnd": "2026-10-16T00:03:10.250Z",
                       "segmentType": "interact"}]}]}]}""");

        // 23:58:30.250 to 00:03:10.250 = 280 s; edge-x is Telnyx through the 15th, Sinch from the 16th
        assertThat(mapped.legs()).singleElement().satisfies(leg -> assertThat(List.of(leg.startTime(),
                leg.endTime(), leg.durationSeconds(), leg.billingDurationSeconds(), leg.carrierName(),
                leg.direction(), leg.destinationNumber())).containsExactly(
                Instant.parse("2026-10-15T23:58:30.250Z"), Instant.parse("2026-10-16T00:03:10.250Z"), 280, 280,
                "Telnyx", "inbound", "+18005550142"));
    }

    @Test
    void anUnmappedEdgeStillGivesALegWithoutCarrier() {
        ConversationLegMapper.Mapped mapped = map("""
                {"conversationId": "c6", "participants": [
                  {"participantId": "p-cust", "purpose": "customer", "sessions": [
                    {"sessionId": "s13", "mediaType": "voice", "direction": "outbound", "edgeId": "edge-new",
                     "dnis": "tel:+14155550108", "segments": [
                      {"segmentStart": "2026-10-15T17:00:00.000Z", "segmentEnd": "2026-10-15T17:00:45.000Z",
                       "segmentType": "interact"}]}]}]}""");

        // carrierName null: rating raises it UNRATED (UNKNOWN_CARRIER); the edge id stays in the raw payload
        assertThat(mapped.legs()).singleElement().satisfies(leg -> {
            assertThat(leg.carrierName()).isNull();
            assertThat(new LegClassifier().classify(leg)).isEqualTo(LegClass.CARRIER);
            assertThat(read(leg.rawPayload()).path("session").path("edgeId").asText()).isEqualTo("edge-new");
        });
    }

    @Test
    void malformedSessionsAndConversationsAreRejectedWithPositionAndOriginal() {
        String openSession = """
                {"sessionId": "s14", "mediaType": "voice", "direction": "outbound", "edgeId": "edge-bw",
                 "segments": [{"segmentStart": "2026-10-15T18:00:00.000Z", "segmentType": "interact"}]}""";
        ConversationLegMapper.Mapped mapped = map("""
                {"conversationId": "c7", "participants": [
                  {"participantId": "p-cust", "purpose": "customer", "sessions": [
                    %s,
                    {"sessionId": "s15", "mediaType": "voice", "direction": "outbound", "edgeId": "edge-bw",
                     "segments": [{"segmentStart": 1760000000, "segmentEnd": "2026-10-15T18:01:00.000Z",
                                   "segmentType": "interact"}]},
                    {"sessionId": "s16", "mediaType": "voice", "direction": "outbound", "edgeId": "edge-bw",
                     "dnis": "tel:+14155550109", "segments": [
                      {"segmentStart": "2026-10-15T18:02:00.000Z", "segmentEnd": "2026-10-15T18:02:07.000Z",
                       "segmentType": "interact"}]}]}]}""".formatted(openSession));

        assertThat(mapped.legs()).extracting(UsageLeg::legId).containsExactly("s16");
        assertThat(mapped.rejected()).hasSize(2);
        assertThat(mapped.rejected().get(0).position())
                .isEqualTo("job j1 page 2 conversation 5 participant 1 session 1");
        assertThat(mapped.rejected().get(0).reason()).isEqualTo("session s14 is still in progress (a segment has no"
                + " segmentEnd)");
        assertThat(read(mapped.rejected().get(0).raw())).isEqualTo(read(openSession));
        assertThat(mapped.rejected().get(1).reason())
                .isEqualTo("segmentStart must be an ISO-8601 instant as text, not 1760000000");

        ConversationLegMapper.Mapped noParticipants = map("""
                {"conversationId": "c8", "conversationStart": "2026-10-15T19:00:00.000Z"}""");
        assertThat(noParticipants.legs()).isEmpty();
        assertThat(noParticipants.rejected()).singleElement().satisfies(r -> {
            assertThat(r.position()).isEqualTo("job j1 page 2 conversation 5");
            assertThat(r.reason()).isEqualTo("participants must be an array");
        });
    }

    private ConversationLegMapper.Mapped map(String conversation) {
        return mapper.map(read(conversation), "acme", "job j1 page 2 conversation 5");
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
