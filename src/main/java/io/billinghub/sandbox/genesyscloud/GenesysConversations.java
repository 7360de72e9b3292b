package io.billinghub.sandbox.genesyscloud;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.billinghub.sandbox.TelephonyDataset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The document sandbox's legs (TelephonyDataset) in the published shape: the legs of one callId are one analytics
 * conversation, each leg one voice session whose sessionId is the legId, so the published connector reproduces
 * the canonical legs.
 *
 * <ul>
 *   <li>voip legs to and from outside numbers: sessions of the {@code customer} participant (the first number, a
 *   carrier fallback being a second session of it) or of an {@code external} participant per other number (a
 *   transfer), on the carrier's edge ({@link SandboxEdges}), dnis the leg's destinationNumber;</li>
 *   <li>internal voip legs: a {@code user} participant's session on the edge, in a conversation with no outside
 *   party;</li>
 *   <li>monitor and whisper legs: a supervisor ({@code user}) session monitoring or coaching the agent, without
 *   edge (the connector gives them the carrier and number of the call they tap);</li>
 *   <li>the agent of every call with an outside party: a session without edge (a WebRTC phone), which is no leg.</li>
 * </ul>
 * An answered leg is one {@code interact} segment ({@code monitoring} or {@code coaching} for a supervisor) from
 * its startTime to its endTime (so connected time is its whole duration); an unanswered one a {@code dialing}
 * segment ending with SIP 480 (no-answer), 486 (busy) or 503 and disconnectType error (failed).
 */
public final class GenesysConversations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String TENANT_CALLER_ID = "tel:+13125550100";
    private static final String CALLER = "tel:+14085550123";

    private record Conversation(Instant start, Instant end, String id, ObjectNode json) {
    }

    private final List<Conversation> conversations;

    public GenesysConversations(TelephonyDataset dataset) {
        Map<String, List<JsonNode>> byCall = new LinkedHashMap<>();
        for (JsonNode leg : dataset.legs()) {
            String callId = text(leg, "callId") != null ? text(leg, "callId") : text(leg, "legId");
            byCall.computeIfAbsent(callId, k -> new ArrayList<>()).add(leg);
        }
        List<Conversation> built = new ArrayList<>();
        byCall.forEach((callId, legs) -> built.add(conversation(callId, legs)));
        built.sort(Comparator.comparing(Conversation::start).thenComparing(Conversation::id));
        this.conversations = List.copyOf(built);
    }

    /**
     * Conversations with activity in [from, to) (as the details jobs select them: one running across midnight is in
     * both days' results), oldest first.
     */
    public List<JsonNode> find(Instant from, Instant to) {
        return conversations.stream()
                .filter(c -> c.start().isBefore(to) && (c.end() == null ? !c.start().isBefore(from)
                        : c.end().isAfter(from) || c.start().equals(from)))
                .map(c -> (JsonNode) c.json())
                .toList();
    }

    public int size() {
        return conversations.size();
    }

    private static Conversation conversation(String callId, List<JsonNode> legs) {
        // the dataset is sorted by startTime then legId already
        Instant start = Instant.parse(text(legs.get(0), "startTime"));
        ObjectNode conversation = NODES.objectNode();
        conversation.put("conversationId", callId);
        conversation.put("conversationStart", text(legs.get(0), "startTime"));
        String end = null;
        for (JsonNode leg : legs) {
            String legEnd = text(leg, "endTime");
            end = legEnd != null && (end == null || Instant.parse(legEnd).isAfter(Instant.parse(end))) ? legEnd : end;
        }
        if (end != null) {
            conversation.put("conversationEnd", end);
        }
        String originating = "outbound";
        Map<String, ObjectNode> outside = new LinkedHashMap<>();
        List<ObjectNode> others = new ArrayList<>();
        String agentId = id(callId + "/agent");
        for (JsonNode leg : legs) {
            String callType = text(leg, "callType");
            String direction = text(leg, "direction");
            if ("monitor".equals(callType) || "whisper".equals(callType)) {
                ObjectNode session = session(leg, null, "outbound");
                boolean monitor = "monitor".equals(callType);
                session.put(monitor ? "monitoredParticipantId" : "coachedParticipantId", agentId);
                ((ObjectNode) session.path("segments").get(0)).put("segmentType", monitor ? "monitoring" : "coaching");
                others.add(participant(id(callId + "/supervisor/" + text(leg, "legId")), "user", session));
            } else if ("internal".equals(direction)) {
                others.add(participant(id(callId + "/user/" + text(leg, "legId")), "user",
                        session(leg, edge(leg), "outbound")));
            } else {
                if (outside.isEmpty() && "inbound".equals(direction)) {
                    originating = "inbound";
                }
                String number = String.valueOf(text(leg, "destinationNumber"));
                ObjectNode participant = outside.computeIfAbsent(number, n -> participant(
                        id(callId + "/" + n), outside.isEmpty() ? "customer" : "external", null));
                ((ArrayNode) participant.get("sessions")).add(session(leg, edge(leg), direction));
            }
        }
        conversation.put("originatingDirection", originating);
        ArrayNode participants = conversation.putArray("participants");
        outside.values().forEach(participants::add);
        if (!outside.isEmpty()) {
            ObjectNode agentSession = NODES.objectNode();
            agentSession.put("sessionId", id(callId + "/agent-session"));
            agentSession.put("mediaType", "voice");
            agentSession.put("direction", originating);
            ObjectNode segment = agentSession.putArray("segments").addObject();
            segment.put("segmentStart", text(legs.get(0), "startTime"));
            if (end != null) {
                segment.put("segmentEnd", end);
            }
            segment.put("segmentType", "interact");
            segment.put("disconnectType", "client");
            participants.add(participant(agentId, "agent", agentSession));
        }
        others.forEach(participants::add);
        return new Conversation(start, end == null ? null : Instant.parse(end), callId, conversation);
    }

    private static ObjectNode participant(String id, String purpose, ObjectNode session) {
        ObjectNode participant = NODES.objectNode();
        participant.put("participantId", id);
        participant.put("purpose", purpose);
        ArrayNode sessions = participant.putArray("sessions");
        if (session != null) {
            sessions.add(session);
        }
        return participant;
    }

    private static ObjectNode session(JsonNode leg, String edgeId, String direction) {
        ObjectNode session = NODES.objectNode();
        session.put("sessionId", text(leg, "legId"));
        session.put("mediaType", "voice");
        session.put("direction", direction);
        boolean inbound = "inbound".equals(direction);
        session.put("ani", inbound ? CALLER : TENANT_CALLER_ID);
        String destination = text(leg, "destinationNumber");
        if (destination != null) {
            session.put("dnis", "tel:" + destination);
        }
        if (edgeId != null) {
            session.put("edgeId", edgeId);
            session.put("provider", "Edge");
        }
        ObjectNode segment = session.putArray("segments").addObject();
        segment.put("segmentStart", text(leg, "startTime"));
        if (text(leg, "endTime") != null) {
            segment.put("segmentEnd", text(leg, "endTime"));
        }
        String outcome = text(leg, "callOutcome");
        if ("answered".equals(outcome)) {
            segment.put("segmentType", "interact");
            segment.put("disconnectType", "peer");
        } else {
            segment.put("segmentType", "dialing");
            segment.put("disconnectType", "failed".equals(outcome) ? "error" : "peer");
            segment.putArray("sipResponseCodes").add("busy".equals(outcome) ? 486 : "failed".equals(outcome)
                    ? 503 : 480);
        }
        return session;
    }

    private static String edge(JsonNode leg) {
        return SandboxEdges.edgeId(String.valueOf(text(leg, "carrierName")));
    }

    private static String id(String name) {
        return UUID.nameUUIDFromBytes(("genesys-sandbox/" + name).getBytes(UTF_8)).toString();
    }

    private static String text(JsonNode leg, String field) {
        JsonNode value = leg.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
