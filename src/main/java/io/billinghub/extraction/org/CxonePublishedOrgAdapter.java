package io.billinghub.extraction.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The NICE CXone organisation as the vendor publishes it, for one tenant whose connector is PUBLISHED (its
 * {@code services-version} is part of the path, so OrgTenants makes one per tenant).
 * <ul>
 * <li>USERS: GET /inContactAPI/services/v{N}/agents (Admin API, every agent, active or not): top/skip paging,
 * {@code _links.next} followed when given, a 204 or a page shorter than top ends. Each agent becomes a user through
 * {@link CxonePublishedAgents}. There is no {@code asOf}: the agents are the current state ({@link #historical()}
 * is false), so the extraction is meant to run at the end of the cycle and one started later is flagged.</li>
 * <li>Every other resource (skills with custom fields, trunks, per-contact queue metrics, WFM shifts with
 * available minutes, analytics usage, agent sessions, the platform invoice with money) is still read through the
 * document-shaped endpoints of {@link CxoneOrgAdapter}, as of the snapshot.</li>
 * </ul>
 */
public final class CxonePublishedOrgAdapter extends PublishedOrgAdapter {

    private final CxonePublishedAgents agents;
    private final ObjectMapper json;
    private final String servicesVersion;

    /** @param document the CXone adapter of the design document's shape, for what is not read from published APIs */
    public CxonePublishedOrgAdapter(OrgSnapshotAdapter document, CxonePublishedOrgProperties settings,
                                    ObjectMapper json, String servicesVersion) {
        super(document);
        this.agents = new CxonePublishedAgents(settings);
        this.json = json;
        this.servicesVersion = servicesVersion;
    }

    @Override
    public OrgCursor cursor(String baseUrl, OrgResource resource, YearMonth period, Instant snapshot, int pageSize) {
        if (resource == OrgResource.USERS) {
            OrgRecords.checkPageSize(pageSize);
            return new AgentsCursor(baseUrl, pageSize);
        }
        return super.cursor(baseUrl, resource, period, snapshot, pageSize);
    }

    /** The agents, top/skip (or the page's next link) until a 204 or a short page. */
    private final class AgentsCursor implements OrgCursor {

        private final String baseUrl;
        private final String path;
        private final int top;
        private int skip;
        private String nextUri;
        private int pageNumber = 1;

        AgentsCursor(String baseUrl, int top) {
            this.baseUrl = baseUrl;
            this.path = baseUrl + "/inContactAPI/services/v" + servicesVersion + "/agents";
            this.top = top;
            this.nextUri = page(0);
        }

        private String page(int offset) {
            return path + "?top=" + top + "&skip=" + offset;
        }

        @Override
        public Optional<OrgRequest> next() {
            return Optional.ofNullable(nextUri).map(OrgRequest::get);
        }

        @Override
        public OrgPage accept(int status, String body) {
            String page = OrgJson.pageName(OrgResource.USERS, pageNumber);
            pageNumber++;
            if (status == 204 || body == null || body.isBlank()) {
                nextUri = null;
                return new OrgPage(List.of(), List.of(), Optional.empty());
            }
            JsonNode root = OrgJson.read(json, body, page);
            JsonNode items = OrgJson.array(root, "agents", page);
            skip += items.size();
            Optional<String> link = CxoneOrgAdapter.next(baseUrl, root, page);
            nextUri = link.orElse(items.size() >= top ? page(skip) : null);
            return OrgJson.map(items, page, agents::user, Optional.ofNullable(nextUri));
        }

        @Override
        public int pageNumber() {
            return pageNumber;
        }
    }
}
