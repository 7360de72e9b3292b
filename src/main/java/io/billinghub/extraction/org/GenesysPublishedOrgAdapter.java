package io.billinghub.extraction.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.referencedata.chargeback.ActiveChargebackReference;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.ResourceType;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The Genesys Cloud organisation as the vendor publishes it, for tenants whose connector is PUBLISHED. There is no
 * {@code asOf}: every answer is the current state ({@link #historical()} is false), so the extraction is meant to
 * run at the end of the cycle and one started later is flagged.
 * <ul>
 * <li>USERS: GET /api/v2/users?state=any (pageNumber, pageSize; entities, pageCount), then GET
 * /api/v2/license/users (same paging; {@code licenses} names per user id), then GET
 * /api/v2/users/{id}/customattributes/{schemaId} for each user and configured schema (UserCustomAttributes, its
 * {@code attributes}; 404: no record; a preview operation Genesys may change without notice), merged by
 * {@link GenesysPublishedUsers} into canonical users once all are read.</li>
 * <li>BILLABLE_USAGE: GET /api/v2/billing/reports/billableusage?startDate&amp;endDate for the period, repeated with
 * backoff while InProgress, licence quantities (no money) the chargeback checks its licensed seats against.</li>
 * <li>QUEUE_METRICS: POST /api/v2/analytics/conversations/aggregates/query for the period (voice, by queueId: tTalk,
 * tHeld, tAcw, nConnected), sums the chargeback checks the conversation records against. Aggregates cannot replace
 * those records: they carry no trunk, no start instant (so no concurrent channels) and no originating queue of
 * each conversation (so no overflow).</li>
 * <li>QUEUES: GET /api/v2/routing/queues and TRUNKS: GET /api/v2/telephony/providers/edges/trunks?trunkType=EXTERNAL
 * (pageNumber, pageSize until pageCount; {@link GenesysPublishedListing}), the external trunks only. Genesys holds no
 * custom attributes on them: their owner, cost centre and allocation model are the chargeback reference set's rows
 * (mappings/genesys-resource-attributes.csv) in force on the last day of the period, the day the chargeback
 * resolves cost centres on; a queue or trunk without rows has none.</li>
 * <li>SESSIONS: POST /api/v2/analytics/users/details/query a week at a time, the users' logged-in presence records
 * merged into sessions by {@link GenesysUserSessions}.</li>
 * <li>Every other resource has no published counterpart in the document's form (queue metrics per conversation,
 * WFM shifts with available minutes, analytics usage, the platform invoice with money): they are still read through
 * the document-shaped endpoints of {@link GenesysOrgAdapter}.</li>
 * </ul>
 */
@Component
public class GenesysPublishedOrgAdapter extends PublishedOrgAdapter {

    private static final List<OrgResource> RESOURCES;

    static {
        List<OrgResource> all = new ArrayList<>(OrgResource.DOCUMENT);
        all.add(OrgResource.BILLABLE_USAGE);
        all.add(OrgResource.QUEUE_METRICS);
        RESOURCES = List.copyOf(all);
    }

    private final GenesysPublishedProperties settings;
    private final ActiveChargebackReference reference;
    private final ObjectMapper json;

    public GenesysPublishedOrgAdapter(GenesysOrgAdapter document, GenesysPublishedProperties settings,
                                      ActiveChargebackReference reference, ObjectMapper json) {
        super(document);
        this.settings = settings;
        this.reference = reference;
        this.json = json;
    }

    @Override
    public List<OrgResource> resources() {
        return RESOURCES;
    }

    @Override
    public OrgCursor cursor(String baseUrl, OrgResource resource, YearMonth period, Instant snapshot, int pageSize) {
        return switch (resource) {
            case USERS -> new UsersCursor(baseUrl, pageSize);
            case QUEUES -> GenesysPublishedListing.queues(json, baseUrl, pageSize, attributes(ResourceType.QUEUE,
                    period));
            case TRUNKS -> GenesysPublishedListing.trunks(json, baseUrl, pageSize, attributes(ResourceType.TRUNK,
                    period));
            case BILLABLE_USAGE -> new BillableUsageCursor(baseUrl + "/api/v2/billing/reports/billableusage?startDate="
                    + OrgRecords.start(period) + "&endDate=" + OrgRecords.start(period.plusMonths(1)));
            case QUEUE_METRICS -> new QueryCursor(new OrgRequest("POST", baseUrl + GenesysQueueAggregates.PATH,
                    GenesysQueueAggregates.query(json, period), Duration.ZERO, false));
            case SESSIONS -> new SessionsCursor(baseUrl, period, pageSize);
            default -> super.cursor(baseUrl, resource, period, snapshot, pageSize);
        };
    }

    /** The maintained attributes in force on the last day of the period, by resource id. */
    private Map<String, Map<String, String>> attributes(ResourceType type, YearMonth period) {
        return reference.require().data().genesysAttributesOn(type, period.atEndOfMonth());
    }

    /** Users, then licences, then each user's custom attribute records; the users come with the last answer. */
    private final class UsersCursor implements OrgCursor {

        private enum Step { USERS, LICENCES, ATTRIBUTES, DONE }

        private final String baseUrl;
        private final int pageSize;
        private final GenesysPublishedUsers users = new GenesysPublishedUsers(settings);
        private Step step = Step.USERS;
        private int stepPage = 1;
        private int call = 1;
        private List<String> ids = List.of();
        private int attribute;

        UsersCursor(String baseUrl, int pageSize) {
            OrgRecords.checkPageSize(pageSize);
            this.baseUrl = baseUrl;
            this.pageSize = pageSize;
        }

        @Override
        public Optional<OrgRequest> next() {
            return switch (step) {
                case USERS -> Optional.of(OrgRequest.get(baseUrl + "/api/v2/users?pageSize=" + pageSize
                        + "&pageNumber=" + stepPage + "&state=any"));
                case LICENCES -> Optional.of(OrgRequest.get(baseUrl + "/api/v2/license/users?pageSize=" + pageSize
                        + "&pageNumber=" + stepPage));
                case ATTRIBUTES -> {
                    int schemas = settings.customAttributeSchemas().size();
                    String uri = baseUrl + "/api/v2/users/" + ids.get(attribute / schemas) + "/customattributes/"
                            + settings.customAttributeSchemas().get(attribute % schemas);
                    yield Optional.of(new OrgRequest("GET", uri, null, Duration.ZERO, true));
                }
                case DONE -> Optional.empty();
            };
        }

        @Override
        public OrgPage accept(int status, String body) {
            String page = OrgJson.pageName(OrgResource.USERS, call) + " (" + step.name().toLowerCase(Locale.ROOT) + ")";
            call++;
            switch (step) {
                case USERS -> pageOf(users.addUsers(OrgJson.read(json, body, page), page), Step.LICENCES);
                case LICENCES -> pageOf(users.addLicences(OrgJson.read(json, body, page), page), Step.ATTRIBUTES);
                case ATTRIBUTES -> {
                    int schemas = settings.customAttributeSchemas().size();
                    if (status != 404) {
                        users.addAttributes(ids.get(attribute / schemas), OrgJson.read(json, body, page), page);
                    }
                    attribute++;
                    if (attribute == ids.size() * schemas) {
                        step = Step.DONE;
                    }
                }
                case DONE -> throw new IllegalStateException("the users are complete");
            }
            return step == Step.DONE ? users.build() : new OrgPage(List.of(), List.of(), Optional.empty());
        }

        private void pageOf(int pageCount, Step after) {
            if (stepPage < pageCount) {
                stepPage++;
                return;
            }
            stepPage = 1;
            step = after;
            if (after == Step.ATTRIBUTES) {
                ids = users.userIds();
                if (ids.isEmpty() || settings.customAttributeSchemas().isEmpty()) {
                    step = Step.DONE;
                }
            }
        }

        @Override
        public int pageNumber() {
            return call;
        }
    }

    /** One query answered in one go. */
    private final class QueryCursor implements OrgCursor {

        private final OrgRequest request;
        private boolean done;

        QueryCursor(OrgRequest request) {
            this.request = request;
        }

        @Override
        public Optional<OrgRequest> next() {
            return done ? Optional.empty() : Optional.of(request);
        }

        @Override
        public OrgPage accept(int status, String body) {
            String page = OrgJson.pageName(OrgResource.QUEUE_METRICS, 1);
            OrgPage records = GenesysQueueAggregates.parse(OrgJson.read(json, body, page), page);
            done = true;
            return records;
        }

        @Override
        public int pageNumber() {
            return 1;
        }
    }

    /** The period's user details a week at a time, page by page; the sessions come with the last answer. */
    private final class SessionsCursor implements OrgCursor {

        private final String uri;
        private final int pageSize;
        private final GenesysUserSessions sessions;
        private final List<Instant[]> weeks;
        private int week;
        private int weekPage = 1;
        private int call = 1;

        SessionsCursor(String baseUrl, YearMonth period, int pageSize) {
            OrgRecords.checkPageSize(pageSize);
            this.uri = baseUrl + GenesysUserSessions.PATH;
            this.pageSize = pageSize;
            this.sessions = new GenesysUserSessions(period);
            this.weeks = sessions.weeks();
        }

        @Override
        public Optional<OrgRequest> next() {
            return week == weeks.size() ? Optional.empty() : Optional.of(new OrgRequest("POST", uri,
                    GenesysUserSessions.query(json, weeks.get(week), pageSize, weekPage), Duration.ZERO, false));
        }

        @Override
        public OrgPage accept(int status, String body) {
            String page = OrgJson.pageName(OrgResource.SESSIONS, call) + " (week of " + weeks.get(week)[0] + ")";
            call++;
            if (sessions.add(OrgJson.read(json, body, page), page)) {
                weekPage++;
            } else {
                week++;
                weekPage = 1;
            }
            return week == weeks.size() ? sessions.sessions() : new OrgPage(List.of(), List.of(), Optional.empty());
        }

        @Override
        public int pageNumber() {
            return call;
        }
    }

    /** The same GET until the report is Complete, waiting longer each time; too many InProgress answers fail. */
    private final class BillableUsageCursor implements OrgCursor {

        private final String uri;
        private int polls;
        private boolean done;

        BillableUsageCursor(String uri) {
            this.uri = uri;
        }

        @Override
        public Optional<OrgRequest> next() {
            if (done) {
                return Optional.empty();
            }
            Duration delay = polls == 0 ? Duration.ZERO : settings.pollDelay(polls);
            return Optional.of(new OrgRequest("GET", uri, null, delay, false));
        }

        @Override
        public OrgPage accept(int status, String body) {
            String page = OrgJson.pageName(OrgResource.BILLABLE_USAGE, polls + 1);
            JsonNode root = OrgJson.read(json, body, page);
            Optional<OrgPage> usages = GenesysBillableUsage.parse(root, page, settings.licenceTypes());
            if (usages.isPresent()) {
                done = true;
                return usages.get();
            }
            polls++;
            if (polls > settings.billingPolls()) {
                throw new IllegalStateException("the billable usage report " + uri + " is still InProgress after "
                        + settings.billingPolls() + " repeated requests");
            }
            return new OrgPage(List.of(), List.of(), Optional.empty());
        }

        @Override
        public int pageNumber() {
            return polls + 1;
        }
    }
}
