package io.billinghub.sandbox.org;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.billinghub.extraction.org.OrgRecord;
import io.billinghub.sandbox.cxone.CxonePublishedSandbox.Links;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's users as NICE CXone's published Admin API lists agents (GET /inContactAPI/services/v{N}/agents, a
 * few of the agent's many fields). CXone has no licence, division or named attribute on an agent, so the generated
 * user is spread over what it has: its licence type over a security profile, its owner over an ACD team, its cost
 * centre, owner and allocation model over the free fields custom1 to custom3, and a service or integration
 * account's type over custom4 (application.yml maps them back). An agent is active or not: suspended and deleted
 * users are inactive.
 */
final class CxonePublishedAgentJson {

    /** A security profile: its id and name. */
    record Profile(long id, String name) {
    }

    /** The sandbox tenant's business unit, as the published pages name it. */
    static final long BUSINESS_UNIT = 4_600_001L;
    /** Licence type (null: no seat) to the security profile that grants it. */
    static final Map<String, Profile> PROFILES = Map.of("CX_1", new Profile(11, "Agent Essential"),
            "CX_2", new Profile(12, "Agent Advanced"), "CX_3", new Profile(13, "Agent Complete"));
    static final Profile NO_SEAT = new Profile(10, "No Seat");
    /** Owner (BU::OWNER; none: the platform accounts' team) to the ACD team id and name. */
    static final Map<String, Map.Entry<Long, String>> TEAMS = Map.of("COLLECTIONS", Map.entry(3001L, "Collections"),
            "RETAIL", Map.entry(3002L, "Retail"));
    static final Map.Entry<Long, String> PLATFORM_TEAM = Map.entry(3000L, "Platform Accounts");

    private CxonePublishedAgentJson() {
    }

    record Agent(long agentId, String userName, String firstName, String lastName, boolean isActive, long teamId,
                 String teamName, long profileId, String profileName, String custom1, String custom2, String custom3,
                 String custom4) {
    }

    record Page(long businessUnitId, @JsonProperty("_links") Links links, String lastPollTime, int totalRecords,
                List<Agent> agents) {
    }

    /** The generator's names are "First Last"; its CXone user ids are numbers. */
    static Agent agent(OrgRecord.User u) {
        int space = u.name().indexOf(' ');
        Profile profile = u.licenceType() == null ? NO_SEAT : PROFILES.get(u.licenceType());
        String owner = u.attributes().get("BU::OWNER");
        Map.Entry<Long, String> team = owner == null ? PLATFORM_TEAM : TEAMS.getOrDefault(owner, PLATFORM_TEAM);
        String accountType = u.accountType() == OrgRecord.AccountType.AGENT ? null : u.accountType().name();
        return new Agent(Long.parseLong(u.userId()), "agent" + u.userId() + "@acme-contact",
                u.name().substring(0, space), u.name().substring(space + 1), u.status() == OrgRecord.UserStatus.ACTIVE,
                team.getKey(), team.getValue(), profile.id(), profile.name(), u.attributes().get("Cost Center Code"),
                u.attributes().get("BU::OWNER"), u.attributes().get("BU::ALLOCATION_MODEL"), accountType);
    }
}
