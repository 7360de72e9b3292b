package io.billinghub.sandbox.org;

import io.billinghub.extraction.org.OrgRecord;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The CXone organisation documents. Decimals, instants and local times are written as text here, so the output
 * does not depend on the mapper's settings. CXone users and skills keep the cost centre in the custom field
 * "Cost Center Code".
 */
final class CxoneOrgJson {

    private static final Map<OrgRecord.UserStatus, String> STATUSES = Map.of(OrgRecord.UserStatus.ACTIVE, "Active",
            OrgRecord.UserStatus.INACTIVE, "Inactive", OrgRecord.UserStatus.SUSPENDED, "Suspended",
            OrgRecord.UserStatus.DELETED, "Deleted");
    private static final Map<OrgRecord.AccountType, String> USER_TYPES = Map.of(OrgRecord.AccountType.AGENT, "Agent",
            OrgRecord.AccountType.SERVICE, "ServiceAccount", OrgRecord.AccountType.INTEGRATION, "Integration");

    private CxoneOrgJson() {
    }

    record User(String userId, String firstName, String lastName, String status, String licenseType,
                String divisionId, String userType, Map<String, String> customFields) {
    }

    record Skill(String skillId, String skillName, String divisionId, Map<String, String> customFields) {
    }

    record Trunk(String trunkId, String trunkName, Map<String, String> customFields) {
    }

    record Contact(String contactId, String trunkId, String initialSkillId, String skillId, String routingRuleId,
                   String contactStart, long talkSeconds, long holdSeconds, long acwSeconds) {
    }

    record Schedule(String scheduleId, String userId, String timeZone, String localStart, String localEnd,
                    long availableMinutes) {
    }

    record AnalyticsUsage(String usageId, String skillId, String date, String processedMinutes) {
    }

    record Session(String sessionId, String userId, String loginTime, String logoutTime) {
    }

    /** The generator's names are "First Last". */
    static User user(OrgRecord.User u) {
        int space = u.name().indexOf(' ');
        return new User(u.userId(), u.name().substring(0, space), u.name().substring(space + 1),
                STATUSES.get(u.status()), u.licenceType(), u.division(), USER_TYPES.get(u.accountType()),
                u.attributes());
    }

    static Skill skill(OrgRecord.Queue q) {
        return new Skill(q.queueId(), q.name(), q.division(), q.attributes());
    }

    static Trunk trunk(OrgRecord.Trunk t) {
        return new Trunk(t.trunkId(), t.name(), t.attributes());
    }

    static Contact contact(OrgRecord.Conversation c) {
        return new Contact(c.conversationId(), c.trunkId(), c.initialQueueId(), c.queueId(), c.routingRuleId(),
                c.start().toString(), c.talkSeconds(), c.holdSeconds(), c.wrapUpSeconds());
    }

    static Schedule schedule(OrgRecord.WfmShift s) {
        return new Schedule(s.shiftId(), s.userId(), s.timeZone(),
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(s.localStart()),
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(s.localEnd()), s.availableMinutes());
    }

    static AnalyticsUsage analytics(OrgRecord.AnalyticsUsage a) {
        return new AnalyticsUsage(a.usageId(), a.queueId(), a.day(), a.processedMinutes().toPlainString());
    }

    static Session session(OrgRecord.Session s) {
        return new Session(s.sessionId(), s.userId(), s.start().toString(), s.end().toString());
    }
}
