package io.billinghub.sandbox.org;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.billinghub.extraction.org.OrgRecord;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The Genesys organisation documents. Decimals, instants and local times are written as text here ("123.4",
 * "2026-10-05T12:00:00Z", "2026-10-05T08:00:00"), so the output does not depend on the mapper's settings.
 */
final class GenesysOrgJson {

    private GenesysOrgJson() {
    }

    record Division(String id, String name) {
    }

    record User(String id, String name, String state, String licensingType, Division division, String accountType,
                Map<String, String> customAttributes) {
    }

    record Queue(String id, String name, Division division, Map<String, String> customAttributes) {
    }

    record Trunk(String id, String name, Map<String, String> customAttributes) {
    }

    record QueueMetric(String conversationId, String trunkId, String initialQueueId, String queueId,
                       String routingRuleId, String conversationStart, @JsonProperty("tTalk") long tTalk,
                       @JsonProperty("tHeld") long tHeld, @JsonProperty("tAcw") long tAcw) {
    }

    record Schedule(String shiftId, String userId, String timeZone, String startDateLocal, String endDateLocal,
                    long availableMinutes) {
    }

    record Usage(String id, String queueId, String date, String processedMinutes) {
    }

    record Session(String id, String userId, String loginTime, String logoutTime) {
    }

    static User user(OrgRecord.User u, Map<String, String> divisions) {
        return new User(u.userId(), u.name(), lower(u.status()), u.licenceType(),
                new Division(u.division(), divisions.get(u.division())), lower(u.accountType()), u.attributes());
    }

    static Queue queue(OrgRecord.Queue q, Map<String, String> divisions) {
        return new Queue(q.queueId(), q.name(), new Division(q.division(), divisions.get(q.division())),
                q.attributes());
    }

    static Trunk trunk(OrgRecord.Trunk t) {
        return new Trunk(t.trunkId(), t.name(), t.attributes());
    }

    static QueueMetric metric(OrgRecord.Conversation c) {
        return new QueueMetric(c.conversationId(), c.trunkId(), c.initialQueueId(), c.queueId(), c.routingRuleId(),
                c.start().toString(), c.talkSeconds(), c.holdSeconds(), c.wrapUpSeconds());
    }

    static Schedule schedule(OrgRecord.WfmShift s) {
        return new Schedule(s.shiftId(), s.userId(), s.timeZone(),
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(s.localStart()),
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(s.localEnd()), s.availableMinutes());
    }

    static Usage usage(OrgRecord.AnalyticsUsage a) {
        return new Usage(a.usageId(), a.queueId(), a.day(), a.processedMinutes().toPlainString());
    }

    static Session session(OrgRecord.Session s) {
        return new Session(s.sessionId(), s.userId(), s.start().toString(), s.end().toString());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
