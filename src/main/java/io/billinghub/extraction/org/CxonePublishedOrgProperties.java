package io.billinghub.extraction.org;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How NICE CXone's published agents (GET /inContactAPI/services/v{N}/agents) are read into canonical users
 * ({@code hub.chargeback.cxone-published.*}), for CXone tenants whose connector is PUBLISHED. A published agent has
 * no licence, no division and no named attributes: each comes from a mapping of what it does have.
 *
 * @param licenceTypes         security profile names ({@code profileName}) to the licence type the cost multipliers
 *                             price (CX_1...); {@value #NO_SEAT} for profiles that hold no seat. An unmapped profile
 *                             is kept as the user's licence type, so the chargeback flags it (UNKNOWN_LICENCE_TYPE)
 * @param customFields         the agent's free fields {@code custom1}...{@code custom5} to the attribute each carries
 *                             (CostCenterID, BU::OWNER...); fields not named here are not read
 * @param teamDivisions        ACD team ids ({@code teamId}) to the hub's division of their agents (the HRIS
 *                             whitelist is per division); an agent of an unmapped team is rejected
 * @param accountTypeAttribute the attribute (through {@code customFields}) marking service and integration accounts
 *                             (SERVICE, INTEGRATION); an agent without it is an AGENT
 * @param currentStateGrace    an extraction started longer than this after the end of the cycle is flagged: the
 *                             agents are the current state, not the state at the end of the cycle
 */
@ConfigurationProperties("hub.chargeback.cxone-published")
public record CxonePublishedOrgProperties(
        @DefaultValue Map<String, String> licenceTypes,
        @DefaultValue Map<String, String> customFields,
        @DefaultValue Map<String, String> teamDivisions,
        @DefaultValue("BU::ACCOUNT_TYPE") String accountTypeAttribute,
        @DefaultValue("72h") Duration currentStateGrace) {

    public static final String NO_SEAT = OrgRecord.LicenceUsage.NO_SEAT;
    private static final Pattern CUSTOM_FIELD = Pattern.compile("custom[1-5]");

    public CxonePublishedOrgProperties {
        licenceTypes = Map.copyOf(licenceTypes);
        customFields = Map.copyOf(customFields);
        teamDivisions = Map.copyOf(teamDivisions);
        check("licence-types", licenceTypes);
        check("team-divisions", teamDivisions);
        check("custom-fields", customFields);
        customFields.keySet().stream().filter(field -> !CUSTOM_FIELD.matcher(field).matches()).findFirst()
                .ifPresent(field -> {
                    throw new IllegalArgumentException("hub.chargeback.cxone-published.custom-fields: '" + field
                            + "' is not one of the agent's fields custom1 to custom5");
                });
    }

    private static void check(String name, Map<String, String> map) {
        map.forEach((key, value) -> {
            if (key.isBlank() || value == null || value.isBlank()) {
                throw new IllegalArgumentException("hub.chargeback.cxone-published." + name + ": '" + key
                        + "' needs a non-blank value");
            }
        });
    }
}
