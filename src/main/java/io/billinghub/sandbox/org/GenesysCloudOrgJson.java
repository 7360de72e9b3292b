package io.billinghub.sandbox.org;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.extraction.org.OrgRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * The sandbox organisation in Genesys Cloud's published shapes (UserEntityListing, UserLicensesEntityListing,
 * UserCustomAttributes, BillingUsageReport, the conversation aggregates answer, QueueEntityListing,
 * TrunkEntityListing). Queues and trunks carry no custom attributes, as in Genesys. The generated users carry
 * the hub's licence types (CX_1...); Genesys names licences and billable usages its own way, hence the two tables
 * (application.yml maps them back).
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

    /** Queue: of the model's properties (all optional) the ones the sandbox has. */
    record Queue(String id, String name, Division division, String selfUri) {
    }

    /** DomainEntityRef. */
    record EntityRef(String id, String name, String selfUri) {
    }

    /** Trunk: of the model's properties those the sandbox has; name is the one the model requires. */
    record Trunk(String id, String name, String state, String trunkType, EntityRef trunkBase, boolean inService,
                 boolean enabled, String selfUri) {
    }

    record LicenceListing(List<UserLicences> entities, int pageSize, int pageNumber, long total, int pageCount) {
    }

    record UserLicences(String id, List<String> licenses, String selfUri) {
    }

    /**
     * UserCustomAttributes ({@code attributes} is its one required property). No {@code schema}: Genesys's
     * DataSchema requires a version and a JSON schema document the sandbox has not; the selfUri names the schema.
     */
    record AttributesRecord(String userId, Map<String, String> attributes, String selfUri) {
    }

    record Resource(String name, String date) {
    }

    record Usage(String name, String totalUsage, List<Resource> resources) {
    }

    record UsageReport(String startDate, String endDate, String status, List<Usage> usages) {
    }

    /** Genesys leaves out what a metric has not (a count metric has no sum), as it does every absent value. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Stats(Long count, Long sum) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Metric(String metric, Stats stats) {
    }

    record Bucket(String interval, List<Metric> metrics) {
    }

    record Result(Map<String, String> group, List<Bucket> data) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Aggregates(List<Result> results) {
    }

    /**
     * The answer to a conversation aggregates query grouped by queueId over one interval (no granularity): the
     * month's conversations started in it, by the queue that answered them.
     */
    static Aggregates aggregates(ObjectMapper json, String body, OrgMonth month) {
        IntervalQuery parsed = IntervalQuery.of(json, body);
        JsonNode query = parsed.query();
        Instant from = parsed.from();
        Instant to = parsed.to();
        if (!"[\"queueId\"]".equals(query.path("groupBy").toString()) || query.has("granularity")) {
            throw new IllegalArgumentException("the sandbox answers queries grouped by queueId alone, without"
                    + " granularity");
        }
        List<String> metrics = new ArrayList<>();
        for (JsonNode metric : query.path("metrics")) {
            if (!List.of("nConnected", "tTalk", "tHeld", "tAcw").contains(metric.asText())) {
                throw new IllegalArgumentException("the sandbox has no metric " + metric);
            }
            metrics.add(metric.asText());
        }
        Map<String, List<OrgRecord.Conversation>> byQueue = new TreeMap<>();
        month.conversations(from, to, to).forEach(c -> byQueue.computeIfAbsent(c.queueId(), k -> new ArrayList<>())
                .add(c));
        List<Result> results = new ArrayList<>();
        String span = query.path("interval").asText();
        byQueue.forEach((queue, calls) -> {
            List<Metric> values = new ArrayList<>();
            for (String metric : metrics) {
                ToLongFunction<OrgRecord.Conversation> seconds = switch (metric) {
                    case "tTalk" -> OrgRecord.Conversation::talkSeconds;
                    case "tHeld" -> OrgRecord.Conversation::holdSeconds;
                    case "tAcw" -> OrgRecord.Conversation::wrapUpSeconds;
                    default -> null;
                };
                if (seconds == null) {
                    values.add(new Metric(metric, new Stats((long) calls.size(), null)));
                } else {
                    List<OrgRecord.Conversation> with = calls.stream().filter(c -> seconds.applyAsLong(c) > 0).toList();
                    if (!with.isEmpty()) {
                        values.add(new Metric(metric, new Stats((long) with.size(),
                                with.stream().mapToLong(seconds).sum() * 1000)));
                    }
                }
            }
            results.add(new Result(Map.of("queueId", queue, "mediaType", "voice"), List.of(new Bucket(span,
                    values))));
        });
        return new Aggregates(results);
    }

    /** An analytics query's JSON and its interval, two ISO-8601 instants separated by '/'. */
    record IntervalQuery(JsonNode query, Instant from, Instant to) {

        static IntervalQuery of(ObjectMapper json, String body) {
            JsonNode query;
            try {
                query = json.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the query is not JSON: " + e.getOriginalMessage());
            }
            String[] interval = query.path("interval").asText("").split("/");
            try {
                return new IntervalQuery(query, Instant.parse(interval[0]),
                        Instant.parse(interval.length == 2 ? interval[1] : ""));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("interval must be two ISO-8601 instants separated by '/', was '"
                        + query.path("interval").asText("") + "'");
            }
        }
    }

    /** Genesys states: active, inactive, deleted; a suspended user is inactive there. */
    static User user(OrgRecord.User u, Map<String, String> divisions) {
        String state = switch (u.status()) {
            case ACTIVE -> "active";
            case INACTIVE, SUSPENDED -> "inactive";
            case DELETED -> "deleted";
        };
        return new User(u.userId(), u.name(), division(u.division(), divisions), state, 1,
                "/api/v2/users/" + u.userId());
    }

    static Queue queue(OrgRecord.Queue q, Map<String, String> divisions) {
        return new Queue(q.queueId(), q.name(), division(q.division(), divisions),
                "/api/v2/routing/queues/" + q.queueId());
    }

    /**
     * The organisation's trunks: each of the month's trunks as an external (carrier) trunk on a trunk base of its
     * name, then a phone trunk and an edge-to-edge trunk, which carry no carrier's calls.
     */
    static List<Trunk> trunks(OrgMonth month) {
        List<Trunk> trunks = new ArrayList<>();
        month.trunks().forEach(t -> trunks.add(trunk(t.trunkId(), t.name(), "EXTERNAL")));
        trunks.add(trunk(uuid("trunk/phone"), "Phones", "PHONE"));
        trunks.add(trunk(uuid("trunk/edge"), "Edge to Edge", "EDGE"));
        return trunks;
    }

    private static Trunk trunk(String id, String name, String type) {
        String base = uuid("trunk-base/" + name);
        return new Trunk(id, name, "active", type, new EntityRef(base, name,
                "/api/v2/telephony/providers/edges/trunkbasesettings/" + base), true, true,
                "/api/v2/telephony/providers/edges/trunks/" + id);
    }

    /** A stable id for what the generated month has not (the sandbox's other ids are made alike). */
    private static String uuid(String what) {
        return UUID.nameUUIDFromBytes(("genesys/" + what).getBytes(UTF_8)).toString();
    }

    private static Division division(String id, Map<String, String> divisions) {
        return new Division(id, divisions.get(id), "/api/v2/authorization/divisions/" + id);
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
        return values.isEmpty() ? null : new AttributesRecord(u.userId(), values,
                "/api/v2/users/" + u.userId() + "/customattributes/" + SCHEMA);
    }
}
