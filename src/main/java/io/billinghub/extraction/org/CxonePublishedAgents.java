package io.billinghub.extraction.org;

import static io.billinghub.extraction.JsonFields.flag;
import static io.billinghub.extraction.JsonFields.required;
import static io.billinghub.extraction.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One NICE CXone published agent (an element of {@code agents} of GET /inContactAPI/services/v{N}/agents) as a
 * canonical user, through {@link CxonePublishedOrgProperties}: {@code agentId} the user id (the id the contact
 * history and the document's users carry), {@code firstName} and {@code lastName} the name, {@code isActive} the
 * state (CXone has no suspended or deleted agent: both read inactive), the security profile ({@code profileName})
 * the licence type, the ACD team ({@code teamId}) the division, and the mapped {@code custom1..5} fields the
 * attributes (the cost centre among them), one of which may declare a service or integration account.
 */
final class CxonePublishedAgents {

    private final CxonePublishedOrgProperties settings;

    CxonePublishedAgents(CxonePublishedOrgProperties settings) {
        this.settings = settings;
    }

    OrgRecord.User user(JsonNode agent) {
        String id = required(agent, "agentId");
        if (agent.path("isActive").isMissingNode() || agent.path("isActive").isNull()) {
            throw new IllegalArgumentException("isActive is missing");
        }
        OrgRecord.UserStatus status = flag(agent, "isActive", false) ? OrgRecord.UserStatus.ACTIVE
                : OrgRecord.UserStatus.INACTIVE;
        Map<String, String> attributes = new LinkedHashMap<>();
        settings.customFields().forEach((field, attribute) -> {
            String value = text(agent, field);
            if (value != null && !value.isBlank() && attributes.putIfAbsent(attribute, value) != null) {
                throw new IllegalArgumentException("two custom fields carry " + attribute);
            }
        });
        OrgRecord.AccountType accountType = OrgRecords.declaredAccountType(attributes,
                settings.accountTypeAttribute());
        String name = String.join(" ", nonBlank(text(agent, "firstName")), nonBlank(text(agent, "lastName"))).trim();
        return new OrgRecord.User(id, name.isEmpty() ? null : name, status, licenceType(text(agent, "profileName")),
                division(agent), accountType, Map.copyOf(attributes));
    }

    /** The licence type of a security profile: null for none or a no-seat profile, the name itself when unmapped. */
    private String licenceType(String profile) {
        if (profile == null || profile.isBlank()) {
            return null;
        }
        String type = settings.licenceTypes().getOrDefault(profile, profile);
        return CxonePublishedOrgProperties.NO_SEAT.equals(type) ? null : type;
    }

    private String division(JsonNode agent) {
        String team = required(agent, "teamId");
        String division = settings.teamDivisions().get(team);
        if (division == null) {
            throw new IllegalArgumentException("team " + team + " (" + text(agent, "teamName") + ") has no division"
                    + " in hub.chargeback.cxone-published.team-divisions");
        }
        return division;
    }

    private static String nonBlank(String text) {
        return text == null ? "" : text.trim();
    }
}
