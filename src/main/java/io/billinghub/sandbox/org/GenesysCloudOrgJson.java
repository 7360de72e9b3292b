package io.billinghub.sandbox.org;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.billinghub.extraction.org.OrgRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox organisation in Genesys Cloud's published shapes (UserEntityListing, UserLicensesEntityListing, the
 * user custom attributes record, BillingUsageReport). The generated users carry the hub's licence types (CX_1...);
 * Genesys names licences and billable usages its own way, hence the two tables (application.yml maps them back).
 */
final class GenesysCloudOrgJson {

    /** The custom attribute schema holding every user attribute of the sandbox. */
    static final String SCHEMA = "hub-chargeback";
    static final String ACCOUNT_TYPE_ATTRIBUTE = "BU::ACCOUNT_TYPE";
    /** The add-on every CX_3 user holds besides the seat: a licence that is not a seat. */
    static final String WEM_ADD_ON = "wemaddon";
    static final Map<String, String> LICENCE_NAMES = Map.of("CX_1", "cloudcx1", "CX_2", "cloudcx2", "CX_3",
            "cloudcx3");
    static final Map<String, String> USAGE_NAMES = Map.of("cloudcx1", "Genesys Cloud CX 1 User",
            "cloudcx2", "Genesys Cloud CX 2 User", "cloudcx3", "Genesys Cloud CX 3 User",
            WEM_ADD_ON, "Genesys Cloud WEM Add-on User");

    private GenesysCloudOrgJson() {
    }

    record Division(String id, String name, String selfUri) {
    }

    /** version: the model marks it required (the user's version, needed to update it); the sandbox's are 1. */
    record User(String id, String name, Division division, String state, int version, String selfUri) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Listing(List<?> entities, int pageSize, int pageNumber, long total, int pageCount, String firstUri,
                   String selfUri, String nextUri, String previousUri, String lastUri) {
    }

    record LicenceListing(List<UserLicences> entities, int pageSize, int pageNumber, long total, int pageCount) {
    }

    record UserLicences(String id, List<String> licenses, String selfUri) {
    }

    record SchemaRef(String id, String selfUri) {
    }

    record AttributesRecord(String id, SchemaRef schema, Map<String, String> customAttributes) {
    }

    record Resource(String name, String date) {
    }

    record Usage(String name, String totalUsage, List<Resource> resources) {
    }

    record UsageReport(String startDate, String endDate, String status, List<Usage> usages) {
    }

    /** Genesys states: active, inactive, deleted; a suspended user is inactive there. */
    static User user(OrgRecord.User u, Map<String, String> divisions) {
        String state = switch (u.status()) {
            case ACTIVE -> "active";
            case INACTIVE, SUSPENDED -> "inactive";
            case DELETED -> "deleted";
        };
        return new User(u.userId(), u.name(), new Division(u.division(), divisions.get(u.division()),
                "/api/v2/authorization/divisions/" + u.division()), state, 1, "/api/v2/users/" + u.userId());
    }

    /** The user's licences: the seat's Genesys name, and the WEM add-on with CX_3. */
    static List<String> licences(OrgRecord.User u) {
        List<String> names = new ArrayList<>();
        if (u.licenceType() != null) {
            names.add(LICENCE_NAMES.getOrDefault(u.licenceType(), u.licenceType()));
            if ("CX_3".equals(u.licenceType())) {
                names.add(WEM_ADD_ON);
            }
        }
        return names;
    }

    /** The user's record of the sandbox schema; none for a human agent without attributes. */
    static AttributesRecord attributes(OrgRecord.User u) {
        Map<String, String> values = new LinkedHashMap<>(u.attributes());
        if (u.accountType() != OrgRecord.AccountType.AGENT) {
            values.put(ACCOUNT_TYPE_ATTRIBUTE, u.accountType().name());
        }
        return values.isEmpty() ? null : new AttributesRecord(u.userId(), new SchemaRef(SCHEMA,
                "/api/v2/users/customattributes/schemas/" + SCHEMA), values);
    }
}
