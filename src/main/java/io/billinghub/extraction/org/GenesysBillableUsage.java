package io.billinghub.extraction.org;

import static io.billinghub.extraction.JsonFields.decimal;
import static io.billinghub.extraction.JsonFields.required;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * Genesys Cloud's billable usage report (GET /api/v2/billing/reports/billableusage): {@code status} InProgress while
 * it is generated (the same GET is repeated), then Complete with {@code usages [{name, totalUsage, resources}]},
 * totalUsage a decimal in a string. Each usage becomes an {@link OrgRecord.LicenceUsage} with the licence type its
 * name maps to (NONE for an add-on; null when unmapped: the chargeback then reports the name).
 */
final class GenesysBillableUsage {

    private GenesysBillableUsage() {
    }

    /** The usages of a Complete report; empty while InProgress. Another status fails the page. */
    static Optional<OrgPage> parse(JsonNode root, String page, Map<String, String> licenceTypes) {
        String status = root.path("status").asText("");
        if ("InProgress".equals(status)) {
            return Optional.empty();
        }
        if (!"Complete".equals(status)) {
            throw new IllegalArgumentException(page + " has status '" + status + "', not InProgress or Complete");
        }
        return Optional.of(OrgJson.map(OrgJson.array(root, "usages", page), page, usage -> {
            String name = required(usage, "name");
            JsonNode resources = usage.get("resources");
            if (resources == null || !resources.isArray()) {
                throw new IllegalArgumentException("usage '" + name + "' has no resources array");
            }
            return new OrgRecord.LicenceUsage(name, licenceTypes.get(name), decimal(usage, "totalUsage", 12, 6),
                    resources.size());
        }, Optional.empty()));
    }
}
