package io.billinghub.extraction.org;

import static io.billinghub.extraction.JsonFields.text;
import static io.billinghub.extraction.org.OrgJson.nestedId;
import static io.billinghub.extraction.org.OrgJson.oneOf;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.exceptions.RejectedRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Merges what the published Genesys Cloud APIs say about users into canonical {@link OrgRecord.User}s: the user
 * (GET /api/v2/users: id, name, state, division), its licences (GET /api/v2/license/users: {@code licenses} names,
 * mapped to the licence type the multipliers price) and its custom attributes (GET
 * /api/v2/users/{id}/customattributes/{schemaId}, one record per configured schema; a user without a record of a
 * schema simply has none of its attributes). A user that cannot be read is rejected with its position and text.
 */
final class GenesysPublishedUsers {

    /** Genesys's user states, in the order messages list them (there is no suspended state). */
    private static final Map<String, OrgRecord.UserStatus> STATES = OrgJson.lowerCaseNames(
            new OrgRecord.UserStatus[] {OrgRecord.UserStatus.ACTIVE, OrgRecord.UserStatus.INACTIVE,
                OrgRecord.UserStatus.DELETED});

    private final GenesysPublishedProperties settings;
    /** User id to the user's JSON and where it was read (page and item). */
    private final Map<String, JsonNode> users = new LinkedHashMap<>();
    private final Map<String, String> positions = new LinkedHashMap<>();
    private final Map<String, List<String>> licences = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
    private final List<RejectedRecord> rejected = new ArrayList<>();

    GenesysPublishedUsers(GenesysPublishedProperties settings) {
        this.settings = settings;
    }

    /** One page of GET /api/v2/users; returns its pageCount. */
    int addUsers(JsonNode root, String page) {
        int item = 0;
        for (JsonNode user : OrgJson.array(root, "entities", page)) {
            item++;
            String position = page + " item " + item;
            String id = user.path("id").asText("");
            if (!user.isObject() || id.isBlank()) {
                rejected.add(new RejectedRecord(position, "the user has no id", user.toString()));
            } else if (users.putIfAbsent(id, user) == null) {
                positions.put(id, position);
            }
        }
        return OrgJson.pageCount(root, page);
    }

    /** One page of GET /api/v2/license/users; returns its pageCount. */
    int addLicences(JsonNode root, String page) {
        int item = 0;
        for (JsonNode entry : OrgJson.array(root, "entities", page)) {
            item++;
            JsonNode names = entry.path("licenses");
            String id = entry.path("id").asText("");
            if (id.isBlank() || !names.isArray()) {
                rejected.add(new RejectedRecord(page + " item " + item, "the licence entry needs an id and a"
                        + " licenses array", entry.toString()));
                continue;
            }
            List<String> held = new ArrayList<>();
            names.forEach(n -> held.add(n.asText()));
            licences.put(id, held);
        }
        return OrgJson.pageCount(root, page);
    }

    /**
     * A user's record of one custom attribute schema (UserCustomAttributes): its {@code attributes}, the model's one
     * required property, join the user's attributes. A record without them, or of another user, fails the page.
     */
    void addAttributes(String userId, JsonNode record, String page) {
        if (!record.path("attributes").isObject()) {
            throw new IllegalArgumentException(page + " has no attributes object");
        }
        String owner = record.path("userId").asText(userId);
        if (!owner.equals(userId)) {
            throw new IllegalArgumentException(page + " is the record of user " + owner + ", not of " + userId);
        }
        Map<String, String> merged = attributes.computeIfAbsent(userId, k -> new LinkedHashMap<>());
        OrgJson.attributes(record, "attributes").forEach(merged::putIfAbsent);
    }

    List<String> userIds() {
        return List.copyOf(users.keySet());
    }

    /** Every user merged; licences of users not listed are rejected (they cannot be attributed). */
    OrgPage build() {
        List<OrgRecord> records = new ArrayList<>();
        List<RejectedRecord> all = new ArrayList<>(rejected);
        users.forEach((id, user) -> {
            try {
                records.add(user(id, user));
            } catch (IllegalArgumentException e) {
                all.add(new RejectedRecord(positions.get(id), e.getMessage(), user.toString()));
            }
        });
        licences.forEach((id, names) -> {
            if (!users.containsKey(id)) {
                all.add(new RejectedRecord("licence of user " + id, "the licensed user is not among the users read",
                        String.join(",", names)));
            }
        });
        return new OrgPage(records, all, Optional.empty());
    }

    private OrgRecord.User user(String id, JsonNode user) {
        Map<String, String> custom = new LinkedHashMap<>(attributes.getOrDefault(id, Map.of()));
        OrgRecord.AccountType accountType = OrgRecords.declaredAccountType(custom, settings.accountTypeAttribute());
        return new OrgRecord.User(id, text(user, "name"), oneOf(user, "state", STATES),
                licenceType(licences.getOrDefault(id, List.of())), nestedId(user, "division"), accountType,
                Map.copyOf(custom));
    }

    /**
     * The one seat type among a user's licences (add-ons mapped to NONE are no seat); an unmapped name is kept as it
     * is, so the chargeback flags it; two seat types on one user cannot be priced and reject the user.
     */
    private String licenceType(List<String> names) {
        TreeSet<String> seats = new TreeSet<>();
        for (String name : names) {
            String type = settings.licenceTypes().getOrDefault(name, name);
            if (!GenesysPublishedProperties.NO_SEAT.equals(type)) {
                seats.add(type);
            }
        }
        if (seats.size() > 1) {
            throw new IllegalArgumentException("the user holds several seat licences " + seats + " (licenses "
                    + names + ")");
        }
        return seats.isEmpty() ? null : seats.first();
    }
}
