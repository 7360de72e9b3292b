package io.billinghub.extraction.org;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * The canonical records of an organisation snapshot, whatever vendor they come from: what the chargeback engine
 * allocates from. Each has a stable key within its resource, so a retried page or a re-run replaces, never adds.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = OrgRecord.User.class, name = "USER"),
        @JsonSubTypes.Type(value = OrgRecord.Queue.class, name = "QUEUE"),
        @JsonSubTypes.Type(value = OrgRecord.Trunk.class, name = "TRUNK"),
        @JsonSubTypes.Type(value = OrgRecord.Conversation.class, name = "CONVERSATION"),
        @JsonSubTypes.Type(value = OrgRecord.WfmShift.class, name = "WFM_SHIFT"),
        @JsonSubTypes.Type(value = OrgRecord.AnalyticsUsage.class, name = "ANALYTICS"),
        @JsonSubTypes.Type(value = OrgRecord.Session.class, name = "SESSION"),
        @JsonSubTypes.Type(value = OrgRecord.PlatformCharge.class, name = "PLATFORM_CHARGE"),
        @JsonSubTypes.Type(value = OrgRecord.LicenceUsage.class, name = "LICENCE_USAGE"),
        @JsonSubTypes.Type(value = OrgRecord.QueueMetrics.class, name = "QUEUE_METRICS")})
public sealed interface OrgRecord {

    /** Unique within the record's resource and tenant. */
    String key();

    enum UserStatus { ACTIVE, INACTIVE, SUSPENDED, DELETED }

    enum AccountType { AGENT, SERVICE, INTEGRATION }

    /** A user as of the snapshot: licence type (null when unlicensed), division and custom attributes. */
    record User(String userId, String name, UserStatus status, String licenceType, String division,
                AccountType accountType, Map<String, String> attributes) implements OrgRecord {
        public String key() {
            return userId;
        }
    }

    record Queue(String queueId, String name, String division, Map<String, String> attributes) implements OrgRecord {
        public String key() {
            return queueId;
        }
    }

    /** A SIP trunk (or trunk group); its attributes may carry BU::ALLOCATION_MODEL. */
    record Trunk(String trunkId, String name, Map<String, String> attributes) implements OrgRecord {
        public String key() {
            return trunkId;
        }
    }

    /**
     * One handled conversation of the historical queue metrics: the queue it entered first (initialQueueId) and
     * the queue that answered it, the routing rule, the trunk it used, when it started (UTC) and its talk, hold and
     * wrap-up seconds. The trunk channel is held from start for talk + hold seconds.
     */
    record Conversation(String conversationId, String trunkId, String initialQueueId, String queueId,
                        String routingRuleId, Instant start, long talkSeconds, long holdSeconds,
                        long wrapUpSeconds) implements OrgRecord {
        public String key() {
            return conversationId;
        }
    }

    /**
     * A WFM scheduled shift as the vendor stores it: local start and end in the agent's time zone (IANA id), and the
     * minutes the agent was actually available during it.
     */
    record WfmShift(String shiftId, String userId, String timeZone, LocalDateTime localStart,
                    LocalDateTime localEnd, long availableMinutes) implements OrgRecord {
        public String key() {
            return shiftId;
        }
    }

    /** Speech and text analytics minutes processed for one queue on one UTC day. */
    record AnalyticsUsage(String usageId, String queueId, String day, BigDecimal processedMinutes)
            implements OrgRecord {
        public String key() {
            return usageId;
        }
    }

    /** A user's logged-in session (UTC); concurrent sessions measure licence utilisation. */
    record Session(String sessionId, String userId, Instant start, Instant end) implements OrgRecord {
        public String key() {
            return sessionId;
        }
    }

    /**
     * A line of the platform invoice for the period. Category: LICENCE, TELEPHONY, WFM, ANALYTICS or API_STORAGE;
     * telephony lines name their trunk and charge type (CAPACITY or USAGE), or no trunk for charges of all trunks.
     */
    record PlatformCharge(String lineId, String invoiceId, String category, String trunkId, String chargeType,
                          String description, BigDecimal amount, String currency) implements OrgRecord {
        public String key() {
            return lineId;
        }
    }

    /**
     * A licence quantity the vendor bills for the period, without money (Genesys Cloud's billable usage): its
     * name, the licence type it counts ({@link #NO_SEAT} for an add-on that is no seat, null when the name is not
     * mapped), the quantity and how many resources (users, devices) it was observed on.
     */
    record LicenceUsage(String name, String licenceType, BigDecimal quantity, int resources) implements OrgRecord {
        public static final String NO_SEAT = "NONE";

        public String key() {
            return name;
        }
    }

    /**
     * A queue's conversation aggregates over [from, to) as the vendor computes them (Genesys Cloud's
     * /analytics/conversations/aggregates/query grouped by queueId): talk, hold and wrap-up seconds (the metrics'
     * millisecond sums / 1000) and the conversations connected. No trunk, start instant or originating queue: a check
     * on the conversation records, not a replacement for them.
     */
    record QueueMetrics(String queueId, Instant from, Instant to, BigDecimal talkSeconds, BigDecimal heldSeconds,
                        BigDecimal acwSeconds, long connected) implements OrgRecord {
        public String key() {
            return queueId + " " + from;
        }
    }
}
