package io.billinghub.allocation;

import io.billinghub.extraction.org.OrgRecord;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData;
import java.time.LocalDate;
import java.util.Map;

/**
 * Resolves users and queues to cost centres from their structured attributes only (never names, display names or
 * e-mail domains): the code must have the configured format and be on the HRIS whitelist of the division on the
 * snapshot day; anything else goes to Unallocated with the reason and the code as found.
 */
public final class Taxonomy {

    private final ChargebackPolicy policy;
    private final ChargebackReferenceData reference;
    private final LocalDate day;

    public Taxonomy(ChargebackPolicy policy, ChargebackReferenceData reference, LocalDate day) {
        this.policy = policy;
        this.reference = reference;
        this.day = day;
    }

    public Attribution user(OrgRecord.User user) {
        String code = costCentreCode(user.attributes());
        if (code == null && user.accountType() != OrgRecord.AccountType.AGENT) {
            return new Attribution(policy.defaultCentre(), Attribution.DEFAULT_COST_CENTRE, "");
        }
        return resolve(user.division(), code, user.attributes());
    }

    public Attribution queue(OrgRecord.Queue queue) {
        return resolve(queue.division(), costCentreCode(queue.attributes()), queue.attributes());
    }

    private Attribution resolve(String division, String code, Map<String, String> attributes) {
        if (code == null) {
            return Attribution.unallocated(Attribution.MISSING_COST_CENTRE, division + "/");
        }
        String origin = division + "/" + code;
        if (!policy.costCentrePattern().matcher(code).matches()) {
            return Attribution.unallocated(Attribution.INVALID_COST_CENTRE, origin);
        }
        return reference.costCentre(division, code, day)
                .map(hris -> new Attribution(new CostCentreRef(division, code,
                        attributes.getOrDefault(ChargebackPolicy.OWNER_ATTRIBUTE, hris.businessUnit())),
                        Attribution.STANDARD, ""))
                .orElseGet(() -> Attribution.unallocated(Attribution.GHOST_COST_CENTRE, origin));
    }

    private String costCentreCode(Map<String, String> attributes) {
        for (String key : policy.costCentreAttributes()) {
            String value = attributes.get(key);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
