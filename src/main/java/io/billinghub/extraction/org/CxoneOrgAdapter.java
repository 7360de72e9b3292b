package io.billinghub.extraction.org;

import static io.billinghub.extraction.JsonFields.decimal;
import static io.billinghub.extraction.JsonFields.instant;
import static io.billinghub.extraction.JsonFields.required;
import static io.billinghub.extraction.JsonFields.text;
import static io.billinghub.extraction.org.OrgJson.attributes;
import static io.billinghub.extraction.org.OrgJson.count;
import static io.billinghub.extraction.org.OrgJson.day;
import static io.billinghub.extraction.org.OrgJson.localDateTime;
import static io.billinghub.extraction.org.OrgJson.oneOf;
import static io.billinghub.extraction.org.OrgJson.zone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The NICE CXone organisation APIs as the design document describes them: every request carries
 * {@code asOf=<snapshot>}, time-ranged resources {@code from} and {@code to} (the period, half-open, UTC), pages
 * are {@code skip} and {@code top}, and a page answers {@code {totalRecords, asOf, <collection>: [...],
 * _links: {next}}}. CXone keeps a user's or skill's cost centre in its own custom field "Cost Center Code"; the
 * canonical attributes carry it as {@code CostCenterID}, like the other vendor's older attribute.
 */
@Component
public class CxoneOrgAdapter implements OrgSnapshotAdapter {

    private static final String COST_CENTER_CODE = "Cost Center Code";
    private static final String COST_CENTER_ID = "CostCenterID";

    /** Path and collection name of each resource. */
    private record Endpoint(String path, String collection) {
    }

    private static final Map<OrgResource, Endpoint> ENDPOINTS = Map.of(
            OrgResource.USERS, new Endpoint("/api/v2/users", "users"),
            OrgResource.QUEUES, new Endpoint("/api/v2/skills", "skills"),
            OrgResource.TRUNKS, new Endpoint("/api/v2/trunks", "trunks"),
            OrgResource.CONVERSATIONS, new Endpoint("/api/v2/contacts/queue-metrics", "contacts"),
            OrgResource.WFM_SHIFTS, new Endpoint("/api/v2/wfm/schedules", "schedules"),
            OrgResource.ANALYTICS, new Endpoint("/api/v2/analytics/usage", "analyticsUsage"),
            OrgResource.SESSIONS, new Endpoint("/api/v2/agents/sessions", "sessions"),
            OrgResource.INVOICE, new Endpoint("/api/v2/billing/invoices/platform", null));
    private static final Map<String, OrgRecord.UserStatus> STATUSES =
            OrgJson.lowerCaseNames(OrgRecord.UserStatus.values());
    private static final Map<String, OrgRecord.AccountType> USER_TYPES = userTypes();

    private final ObjectMapper json;

    public CxoneOrgAdapter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String vendor() {
        return "cxone";
    }

    @Override
    public String firstPage(String baseUrl, OrgResource resource, YearMonth period, Instant snapshot,
                            int pageSize) {
        String uri = baseUrl + ENDPOINTS.get(resource).path() + "?asOf=" + snapshot;
        if (resource == OrgResource.INVOICE) {
            return uri + "&period=" + period;
        }
        OrgRecords.checkPageSize(pageSize);
        if (OrgRecords.ranged(resource)) {
            uri += "&from=" + OrgRecords.start(period)
                    + "&to=" + OrgRecords.start(period.plusMonths(1));
        }
        return uri + "&skip=0&top=" + pageSize;
    }

    @Override
    public OrgPage parse(String baseUrl, OrgResource resource, String body, Instant snapshot, int pageSize,
                         int pageNumber) {
        String page = OrgJson.pageName(resource, pageNumber);
        JsonNode root = OrgJson.read(json, body, page);
        OrgJson.checkAsOf(root, snapshot, page);
        if (resource == OrgResource.INVOICE) {
            return OrgRecords.invoice(root, page);
        }
        JsonNode items = OrgJson.array(root, ENDPOINTS.get(resource).collection(), page);
        return OrgJson.map(items, page, mapper(resource), next(baseUrl, root, page));
    }

    /** {@code _links.next}: absolute as given, or resolved against the base URL (a path from its host's root). */
    static Optional<String> next(String baseUrl, JsonNode root, String page) {
        String link = text(root.path("_links"), "next");
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(link);
            return Optional.of(uri.isAbsolute() ? link
                    : URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/").resolve(uri).toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(page + " links its next page as '" + link + "', not a URI");
        }
    }

    private static Function<JsonNode, OrgRecord> mapper(OrgResource resource) {
        return switch (resource) {
            case USERS -> CxoneOrgAdapter::user;
            case QUEUES -> r -> new OrgRecord.Queue(required(r, "skillId"), text(r, "skillName"),
                    text(r, "divisionId"), customFields(r));
            case TRUNKS -> r -> new OrgRecord.Trunk(required(r, "trunkId"), text(r, "trunkName"), customFields(r));
            case CONVERSATIONS -> r -> new OrgRecord.Conversation(required(r, "contactId"), text(r, "trunkId"),
                    text(r, "initialSkillId"), text(r, "skillId"), text(r, "routingRuleId"),
                    instant(r, "contactStart"), count(r, "talkSeconds"), count(r, "holdSeconds"),
                    count(r, "acwSeconds"));
            case WFM_SHIFTS -> r -> OrgRecords.shift(required(r, "scheduleId"), required(r, "userId"),
                    zone(r, "timeZone"), localDateTime(r, "localStart"), localDateTime(r, "localEnd"),
                    count(r, "availableMinutes"));
            case ANALYTICS -> r -> OrgRecords.analytics(required(r, "usageId"), text(r, "skillId"), day(r, "date"),
                    decimal(r, "processedMinutes", 12, 6));
            case SESSIONS -> r -> OrgRecords.session(required(r, "sessionId"), required(r, "userId"),
                    instant(r, "loginTime"), instant(r, "logoutTime"));
            case INVOICE, BILLABLE_USAGE, QUEUE_METRICS -> throw new IllegalStateException(resource + " is not paged");
        };
    }

    private static OrgRecord user(JsonNode r) {
        String name = String.join(" ", nonBlank(text(r, "firstName")), nonBlank(text(r, "lastName"))).trim();
        return new OrgRecord.User(required(r, "userId"), name.isEmpty() ? null : name, oneOf(r, "status", STATUSES),
                text(r, "licenseType"), text(r, "divisionId"), oneOf(r, "userType", USER_TYPES), customFields(r));
    }

    /**
     * The custom fields as they are, but "Cost Center Code" under {@code CostCenterID}; a record that also has a
     * different CostCenterID is rejected rather than one of them silently dropped.
     */
    private static Map<String, String> customFields(JsonNode r) {
        Map<String, String> fields = attributes(r, "customFields");
        String code = fields.get(COST_CENTER_CODE);
        if (code == null) {
            return fields;
        }
        String id = fields.get(COST_CENTER_ID);
        if (id != null && !id.equals(code)) {
            throw new IllegalArgumentException("customFields say both " + COST_CENTER_CODE + " '" + code + "' and "
                    + COST_CENTER_ID + " '" + id + "'");
        }
        Map<String, String> renamed = new LinkedHashMap<>();
        fields.forEach((key, value) -> renamed.put(key.equals(COST_CENTER_CODE) ? COST_CENTER_ID : key, value));
        return Collections.unmodifiableMap(renamed);
    }

    private static String nonBlank(String text) {
        return text == null ? "" : text.trim();
    }

    private static Map<String, OrgRecord.AccountType> userTypes() {
        Map<String, OrgRecord.AccountType> types = new LinkedHashMap<>();
        types.put("agent", OrgRecord.AccountType.AGENT);
        types.put("serviceaccount", OrgRecord.AccountType.SERVICE);
        types.put("integration", OrgRecord.AccountType.INTEGRATION);
        return Collections.unmodifiableMap(types);
    }
}
