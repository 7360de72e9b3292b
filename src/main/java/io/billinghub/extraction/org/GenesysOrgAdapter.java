package io.billinghub.extraction.org;

import static io.billinghub.extraction.JsonFields.decimal;
import static io.billinghub.extraction.JsonFields.instant;
import static io.billinghub.extraction.JsonFields.required;
import static io.billinghub.extraction.JsonFields.text;
import static io.billinghub.extraction.org.OrgJson.attributes;
import static io.billinghub.extraction.org.OrgJson.count;
import static io.billinghub.extraction.org.OrgJson.day;
import static io.billinghub.extraction.org.OrgJson.localDateTime;
import static io.billinghub.extraction.org.OrgJson.nestedId;
import static io.billinghub.extraction.org.OrgJson.oneOf;
import static io.billinghub.extraction.org.OrgJson.zone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The Genesys Cloud organisation APIs as the design document describes them: every request carries
 * {@code asOf=<snapshot>}, time-ranged resources {@code from} and {@code to} (the period, half-open, UTC), pages
 * are {@code pageNumber} and {@code pageSize}, and a page answers {@code {entities, pageNumber, pageSize, pageCount,
 * total, asOf}} (a time-ranged one also echoes {@code from} and {@code to}, from which the next page is asked).
 */
@Component
public class GenesysOrgAdapter implements OrgSnapshotAdapter {

    private static final Map<OrgResource, String> PATHS = Map.of(
            OrgResource.USERS, "/api/v2/users",
            OrgResource.QUEUES, "/api/v2/routing/queues",
            OrgResource.TRUNKS, "/api/v2/telephony/trunks",
            OrgResource.CONVERSATIONS, "/api/v2/analytics/conversations/queue-metrics",
            OrgResource.WFM_SHIFTS, "/api/v2/workforcemanagement/schedules",
            OrgResource.ANALYTICS, "/api/v2/speechandtextanalytics/usage",
            OrgResource.SESSIONS, "/api/v2/users/sessions",
            OrgResource.INVOICE, "/api/v2/billing/invoices/platform");
    private static final Map<String, OrgRecord.UserStatus> STATES =
            OrgJson.lowerCaseNames(OrgRecord.UserStatus.values());
    private static final Map<String, OrgRecord.AccountType> ACCOUNT_TYPES =
            OrgJson.lowerCaseNames(OrgRecord.AccountType.values());

    private final ObjectMapper json;

    public GenesysOrgAdapter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String vendor() {
        return "genesys";
    }

    @Override
    public String firstPage(String baseUrl, OrgResource resource, YearMonth period, Instant snapshot,
                            int pageSize) {
        if (resource == OrgResource.INVOICE) {
            return baseUrl + PATHS.get(resource) + "?asOf=" + snapshot + "&period=" + period;
        }
        OrgRecords.checkPageSize(pageSize);
        Instant from = OrgRecords.start(period);
        Instant to = OrgRecords.start(period.plusMonths(1));
        return page(baseUrl, resource, snapshot, from, to, 1, pageSize);
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
        JsonNode entities = OrgJson.array(root, "entities", page);
        Optional<String> next = Optional.empty();
        if (pageNumber < OrgJson.pageCount(root, page)) {
            next = Optional.of(page(baseUrl, resource, snapshot, echoed(root, "from", resource, page),
                    echoed(root, "to", resource, page), pageNumber + 1, pageSize));
        }
        return OrgJson.map(entities, page, mapper(resource), next);
    }

    private static String page(String baseUrl, OrgResource resource, Instant snapshot, Instant from, Instant to,
                               int pageNumber, int pageSize) {
        String range = OrgRecords.ranged(resource) ? "&from=" + from + "&to=" + to : "";
        return baseUrl + PATHS.get(resource) + "?asOf=" + snapshot + range + "&pageNumber=" + pageNumber
                + "&pageSize=" + pageSize;
    }

    /** The range a time-ranged page was asked for, as the page echoes it: the next page asks for the same. */
    private static Instant echoed(JsonNode root, String field, OrgResource resource, String page) {
        if (!OrgRecords.ranged(resource)) {
            return null;
        }
        try {
            return Instant.parse(root.path(field).asText(""));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(page + " does not echo its '" + field + "' instant, was "
                    + root.get(field));
        }
    }

    private static Function<JsonNode, OrgRecord> mapper(OrgResource resource) {
        return switch (resource) {
            case USERS -> GenesysOrgAdapter::user;
            case QUEUES -> r -> new OrgRecord.Queue(required(r, "id"), text(r, "name"),
                    nestedId(r, "division"), attributes(r, "customAttributes"));
            case TRUNKS -> r -> new OrgRecord.Trunk(required(r, "id"), text(r, "name"),
                    attributes(r, "customAttributes"));
            case CONVERSATIONS -> r -> new OrgRecord.Conversation(required(r, "conversationId"),
                    text(r, "trunkId"), text(r, "initialQueueId"), text(r, "queueId"), text(r, "routingRuleId"),
                    instant(r, "conversationStart"), count(r, "tTalk"), count(r, "tHeld"), count(r, "tAcw"));
            case WFM_SHIFTS -> r -> OrgRecords.shift(required(r, "shiftId"), required(r, "userId"),
                    zone(r, "timeZone"), localDateTime(r, "startDateLocal"), localDateTime(r, "endDateLocal"),
                    count(r, "availableMinutes"));
            case ANALYTICS -> r -> OrgRecords.analytics(required(r, "id"), text(r, "queueId"), day(r, "date"),
                    decimal(r, "processedMinutes", 12, 6));
            case SESSIONS -> r -> OrgRecords.session(required(r, "id"), required(r, "userId"),
                    instant(r, "loginTime"), instant(r, "logoutTime"));
            case INVOICE, BILLABLE_USAGE, QUEUE_METRICS -> throw new IllegalStateException(resource + " is not paged");
        };
    }

    private static OrgRecord user(JsonNode r) {
        return new OrgRecord.User(required(r, "id"), text(r, "name"), oneOf(r, "state", STATES),
                text(r, "licensingType"), nestedId(r, "division"), oneOf(r, "accountType", ACCOUNT_TYPES),
                attributes(r, "customAttributes"));
    }
}
