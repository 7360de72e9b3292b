package io.billinghub.extraction.genesys;

import static io.billinghub.extraction.JsonFields.instant;
import static io.billinghub.extraction.JsonFields.optionalInstant;
import static io.billinghub.extraction.JsonFields.required;
import static io.billinghub.extraction.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.extraction.UsageLeg;
import io.billinghub.referencedata.EdgeCarrierIndex;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps one Genesys Cloud analytics conversation (conversation → participants → sessions → segments, as the
 * conversation details jobs return it) to canonical legs.
 *
 * <p>Which sessions are legs (only voice sessions are looked at):
 * <ul>
 *   <li>a session of a {@code customer} or {@code external} participant on an edge ({@code edgeId}) crossed the
 *   carrier's trunk: one leg, callType voip, direction the session's (inbound or outbound). A transfer to an outside
 *   number is the {@code external} participant's session, a carrier fallback a second session of the same
 *   participant; LegRoles tells primary, fallback and transfer legs apart by start time;</li>
 *   <li>a session that monitors ({@code monitoredParticipantId}) or coaches ({@code coachedParticipantId}) another
 *   participant is a monitor or whisper leg, direction internal, with the carrier and number of the conversation's
 *   first carrier-side session (the call it taps), or its own when the conversation has none;</li>
 *   <li>in a conversation without any customer or external participant (a call between the tenant's own phones),
 *   each user, agent or station session on an edge is an internal leg;</li>
 *   <li>anything else (agents on WebRTC phones, ACD, IVR, non-voice media) carries no carrier cost and is no leg.</li>
 * </ul>
 *
 * <p>Fields: legId = sessionId, callId = conversationId, start and end = first segmentStart and last segmentEnd,
 * durationSeconds = whole seconds between them; billingDurationSeconds = whole seconds of the connected segments
 * (everything but alert, dialing, contacting, scheduled and wrapup), since the published API has no billing
 * duration; callOutcome answered when a connected segment exists, else busy (SIP 486/600, Q.850 17), failed
 * (disconnectType error, transportFailure, uncallable or system, or a SIP code of 500 or more) or no-answer;
 * destinationNumber = the called number ({@code dnis}, for inbound sessions the tenant's number the customer
 * dialled), without its {@code tel:} or {@code sip:} scheme; carrierName from the edge on the leg's UTC start day
 * (mappings/genesys-edge-carriers.csv). An edge without a mapping gives carrierName null: the leg is staged and
 * rating raises it UNKNOWN_CARRIER; re-extracting the window after the mapping is fixed re-stages it, because the
 * mapped carrier is part of rawPayload.
 *
 * <p>rawPayload is the session exactly as received inside {@code {conversationId, participantId, purpose,
 * mappedCarrier, session}}. A session that cannot be mapped (no segments, a segment still open, a bad instant) is
 * rejected with its position and its JSON; a conversation without id or participants is rejected whole.
 */
public final class ConversationLegMapper {

    public static final String VENDOR = "genesys";

    /** Legs and rejected records of one conversation. */
    public record Mapped(List<UsageLeg> legs, List<RejectedRecord> rejected) {
    }

    private enum Kind { CARRIER_SIDE, MONITOR, WHISPER, INTERNAL }

    private record Candidate(Kind kind, String participantId, String purpose, JsonNode session, String position) {
    }

    private static final Set<String> CARRIER_PURPOSES = Set.of("customer", "external");
    private static final Set<String> OWN_PURPOSES = Set.of("user", "agent", "station");
    private static final Set<String> NOT_CONNECTED = Set.of("alert", "dialing", "contacting", "scheduled", "wrapup");
    private static final Set<String> FAILED_DISCONNECTS = Set.of("error", "transportFailure", "uncallable", "system");

    private final EdgeCarrierIndex edges;

    public ConversationLegMapper(EdgeCarrierIndex edges) {
        this.edges = edges;
    }

    /**
     * @param position where the conversation is (job, page, conversation number): every rejection starts with it
     */
    public Mapped map(JsonNode conversation, String tenantId, String position) {
        List<UsageLeg> legs = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        String conversationId;
        List<Candidate> candidates;
        try {
            conversationId = required(conversation, "conversationId");
            candidates = candidates(conversation, position);
        } catch (IllegalArgumentException e) {
            rejected.add(new RejectedRecord(position, e.getMessage(), conversation.toString()));
            return new Mapped(legs, rejected);
        }
        UsageLeg tapped = null;
        for (Candidate candidate : candidates) {
            if (candidate.kind() == Kind.CARRIER_SIDE || candidate.kind() == Kind.INTERNAL) {
                try {
                    UsageLeg leg = leg(candidate, conversationId, tenantId, null);
                    legs.add(leg);
                    if (candidate.kind() == Kind.CARRIER_SIDE && (tapped == null
                            || leg.startTime().isBefore(tapped.startTime()))) {
                        tapped = leg;
                    }
                } catch (IllegalArgumentException e) {
                    rejected.add(new RejectedRecord(candidate.position(), e.getMessage(),
                            candidate.session().toString()));
                }
            }
        }
        for (Candidate candidate : candidates) {
            if (candidate.kind() == Kind.MONITOR || candidate.kind() == Kind.WHISPER) {
                try {
                    legs.add(leg(candidate, conversationId, tenantId, tapped));
                } catch (IllegalArgumentException e) {
                    rejected.add(new RejectedRecord(candidate.position(), e.getMessage(),
                            candidate.session().toString()));
                }
            }
        }
        legs.sort(Comparator.comparing(UsageLeg::startTime).thenComparing(UsageLeg::legId));
        return new Mapped(legs, rejected);
    }

    private static List<Candidate> candidates(JsonNode conversation, String position) {
        JsonNode participants = conversation.get("participants");
        if (participants == null || !participants.isArray()) {
            throw new IllegalArgumentException("participants must be an array");
        }
        boolean withOutsideParty = false;
        for (JsonNode participant : participants) {
            withOutsideParty |= CARRIER_PURPOSES.contains(lower(text(participant, "purpose")));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int p = 0; p < participants.size(); p++) {
            JsonNode participant = participants.get(p);
            String purpose = lower(text(participant, "purpose"));
            JsonNode sessions = participant.path("sessions");
            if (!sessions.isArray()) {
                throw new IllegalArgumentException("participant " + (p + 1) + " has no sessions array");
            }
            for (int s = 0; s < sessions.size(); s++) {
                JsonNode session = sessions.get(s);
                if (!"voice".equals(lower(text(session, "mediaType")))) {
                    continue;
                }
                Kind kind = kind(session, purpose, withOutsideParty);
                if (kind != null) {
                    candidates.add(new Candidate(kind, text(participant, "participantId"), purpose, session,
                            position + " participant " + (p + 1) + " session " + (s + 1)));
                }
            }
        }
        return candidates;
    }

    private static Kind kind(JsonNode session, String purpose, boolean withOutsideParty) {
        if (present(session, "monitoredParticipantId")) {
            return Kind.MONITOR;
        }
        if (present(session, "coachedParticipantId")) {
            return Kind.WHISPER;
        }
        if (!present(session, "edgeId")) {
            return null;
        }
        if (CARRIER_PURPOSES.contains(purpose)) {
            return Kind.CARRIER_SIDE;
        }
        return !withOutsideParty && OWN_PURPOSES.contains(purpose) ? Kind.INTERNAL : null;
    }

    private UsageLeg leg(Candidate candidate, String conversationId, String tenantId, UsageLeg tapped) {
        JsonNode session = candidate.session();
        String sessionId = required(session, "sessionId");
        JsonNode segments = session.get("segments");
        if (segments == null || !segments.isArray() || segments.isEmpty()) {
            throw new IllegalArgumentException("session " + sessionId + " has no segments");
        }
        Instant start = null;
        Instant end = null;
        long connectedMillis = 0;
        boolean connected = false;
        for (JsonNode segment : segments) {
            Instant from = instant(segment, "segmentStart");
            Instant to = optionalInstant(segment, "segmentEnd");
            if (to == null) {
                throw new IllegalArgumentException("session " + sessionId
                        + " is still in progress (a segment has no segmentEnd)");
            }
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("segmentEnd " + to + " is before segmentStart " + from);
            }
            start = start == null || from.isBefore(start) ? from : start;
            end = end == null || to.isAfter(end) ? to : end;
            if (!NOT_CONNECTED.contains(lower(required(segment, "segmentType")))) {
                connected = true;
                connectedMillis += Duration.between(from, to).toMillis();
            }
        }
        String direction;
        String callType = "voip";
        String edgeId = text(session, "edgeId");
        String destination = number(text(session, "dnis"));
        switch (candidate.kind()) {
            case CARRIER_SIDE -> direction = direction(session);
            case INTERNAL -> direction = "internal";
            default -> {
                direction = "internal";
                callType = candidate.kind() == Kind.MONITOR ? "monitor" : "whisper";
            }
        }
        String carrier;
        if (tapped != null) {
            carrier = tapped.carrierName();
            destination = tapped.destinationNumber();
        } else {
            carrier = edges.carrier(edgeId, LocalDate.ofInstant(start, ZoneOffset.UTC)).orElse(null);
        }
        return new UsageLeg(sessionId, conversationId, tenantId, VENDOR, start, end,
                Math.toIntExact(Duration.between(start, end).toSeconds()),
                Math.toIntExact(connectedMillis / 1000), carrier, destination, callType, direction,
                connected ? "answered" : unansweredOutcome(segments), raw(candidate, conversationId, carrier));
    }

    private static String direction(JsonNode session) {
        String direction = lower(required(session, "direction"));
        if (!direction.equals("inbound") && !direction.equals("outbound")) {
            throw new IllegalArgumentException("direction '" + direction + "' is neither inbound nor outbound");
        }
        return direction;
    }

    private static String unansweredOutcome(JsonNode segments) {
        boolean failed = false;
        for (JsonNode segment : segments) {
            for (JsonNode code : segment.path("sipResponseCodes")) {
                if (code.asInt() == 486 || code.asInt() == 600) {
                    return "busy";
                }
                failed |= code.asInt() >= 500;
            }
            for (JsonNode code : segment.path("q850ResponseCodes")) {
                if (code.asInt() == 17) {
                    return "busy";
                }
            }
            failed |= FAILED_DISCONNECTS.contains(text(segment, "disconnectType"));
        }
        return failed ? "failed" : "no-answer";
    }

    /** "tel:+14155550101" and "sip:+14155550101@host" as the number itself. */
    static String number(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String number = address.trim();
        if (number.regionMatches(true, 0, "tel:", 0, 4) || number.regionMatches(true, 0, "sip:", 0, 4)) {
            number = number.substring(4);
        }
        int at = number.indexOf('@');
        return at < 0 ? number : number.substring(0, at);
    }

    private static String raw(Candidate candidate, String conversationId, String carrier) {
        ObjectNode raw = JsonNodeFactory.instance.objectNode();
        raw.put("conversationId", conversationId);
        raw.put("participantId", candidate.participantId());
        raw.put("purpose", candidate.purpose());
        raw.put("mappedCarrier", carrier);
        raw.set("session", candidate.session());
        return raw.toString();
    }

    private static boolean present(JsonNode node, String field) {
        String value = text(node, field);
        return value != null && !value.isBlank();
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
