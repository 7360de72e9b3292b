package io.billinghub.extraction.org;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the published Genesys Cloud APIs are read into the canonical organisation records
 * ({@code hub.chargeback.genesys-published.*}), for tenants whose connector is PUBLISHED.
 *
 * @param licenceTypes           Genesys licence names (from /api/v2/license/users) and billable usage names (from
 *                               /api/v2/billing/reports/billableusage) to the licence type the cost multipliers
 *                               price (CX_1...); {@value #NO_SEAT} for add-ons that are not a seat. A licence name
 *                               missing here is kept as the user's licence type, so the chargeback flags it
 *                               (UNKNOWN_LICENCE_TYPE) instead of pricing it
 * @param customAttributeSchemas the ids of the user custom attribute schemas read for every user; their attributes
 *                               are merged (the first schema holding a key wins)
 * @param accountTypeAttribute   the custom attribute marking service and integration accounts (SERVICE,
 *                               INTEGRATION); Genesys users carry no account type, so a user without it is an AGENT
 * @param billingPollDelay       the first wait before asking again for a billable usage report still InProgress;
 *                               it doubles up to {@code billingPollMaxDelay}
 * @param billingPolls           how many InProgress answers are waited through before the extraction fails
 * @param currentStateGrace      an extraction started longer than this after the end of the cycle is flagged: the
 *                               published APIs give the current state, not the state at the end of the cycle
 */
@ConfigurationProperties("hub.chargeback.genesys-published")
public record GenesysPublishedProperties(
        @DefaultValue Map<String, String> licenceTypes,
        @DefaultValue List<String> customAttributeSchemas,
        @DefaultValue("BU::ACCOUNT_TYPE") String accountTypeAttribute,
        @DefaultValue("5s") Duration billingPollDelay,
        @DefaultValue("60s") Duration billingPollMaxDelay,
        @DefaultValue("20") int billingPolls,
        @DefaultValue("72h") Duration currentStateGrace) {

    public static final String NO_SEAT = OrgRecord.LicenceUsage.NO_SEAT;

    public GenesysPublishedProperties {
        licenceTypes = Map.copyOf(licenceTypes);
        customAttributeSchemas = List.copyOf(customAttributeSchemas);
        licenceTypes.forEach((name, type) -> {
            if (name.isBlank() || type == null || type.isBlank()) {
                throw new IllegalArgumentException("hub.chargeback.genesys-published.licence-types: licence '" + name
                        + "' needs a licence type (or " + NO_SEAT + ")");
            }
        });
        if (customAttributeSchemas.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("hub.chargeback.genesys-published.custom-attribute-schemas holds a"
                    + " blank schema id");
        }
        if (billingPolls < 1 || billingPollDelay.isNegative() || billingPollMaxDelay.compareTo(billingPollDelay) < 0) {
            throw new IllegalArgumentException("hub.chargeback.genesys-published: billing-polls must be at least 1"
                    + " and billing-poll-max-delay at least billing-poll-delay");
        }
    }

    /** The wait before InProgress poll number {@code poll} (1 for the first repeat). */
    Duration pollDelay(int poll) {
        Duration delay = billingPollDelay;
        for (int i = 1; i < poll && delay.compareTo(billingPollMaxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(billingPollMaxDelay) > 0 ? billingPollMaxDelay : delay;
    }
}
