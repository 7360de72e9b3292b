package io.billinghub.extraction.org;

import static io.billinghub.extraction.JsonFields.required;
import static io.billinghub.extraction.JsonFields.text;
import static io.billinghub.extraction.org.OrgJson.nestedId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Genesys Cloud's queues or trunks as published: GET /api/v2/routing/queues (QueueEntityListing) or GET
 * /api/v2/telephony/providers/edges/trunks?trunkType=EXTERNAL (TrunkEntityListing), pageNumber after pageNumber
 * until the listing's pageCount, each entity mapped to the canonical queue or trunk. Genesys holds no custom
 * attributes on either, so a resource's attributes are the ones the integration team maintains for its id (given
 * by the adapter, none for an id without rows).
 */
final class GenesysPublishedListing implements OrgCursor {

    static final String QUEUES = "/api/v2/routing/queues";
    static final String TRUNKS = "/api/v2/telephony/providers/edges/trunks";
    /** Only external trunks carry the carriers' calls the platform invoice bills; phone and edge trunks do not. */
    static final String CARRIER_TRUNK = "EXTERNAL";

    private final ObjectMapper json;
    private final OrgResource resource;
    private final String uri;
    private final String filter;
    private final Function<JsonNode, OrgRecord> mapper;
    private int pageNumber = 1;
    private boolean done;

    private GenesysPublishedListing(ObjectMapper json, OrgResource resource, String uri, String filter,
                                    Function<JsonNode, OrgRecord> mapper) {
        this.json = json;
        this.resource = resource;
        this.uri = uri;
        this.filter = filter;
        this.mapper = mapper;
    }

    /** Every queue: id, name and division, with the attributes of its id. */
    static GenesysPublishedListing queues(ObjectMapper json, String baseUrl, int pageSize,
                                          Map<String, Map<String, String>> attributes) {
        OrgRecords.checkPageSize(pageSize);
        return new GenesysPublishedListing(json, OrgResource.QUEUES, baseUrl + QUEUES + "?pageSize=" + pageSize, "",
                r -> {
                    String id = required(r, "id");
                    return new OrgRecord.Queue(id, text(r, "name"), nestedId(r, "division"),
                            attributes.getOrDefault(id, Map.of()));
                });
    }

    /**
     * The carrier trunks: asked for by type, and any other type an answer holds is left out. A trunk without a type
     * cannot be told apart and is rejected.
     */
    static GenesysPublishedListing trunks(ObjectMapper json, String baseUrl, int pageSize,
                                          Map<String, Map<String, String>> attributes) {
        OrgRecords.checkPageSize(pageSize);
        return new GenesysPublishedListing(json, OrgResource.TRUNKS, baseUrl + TRUNKS + "?pageSize=" + pageSize,
                "&trunkType=" + CARRIER_TRUNK, r -> {
                    String id = required(r, "id");
                    if (!CARRIER_TRUNK.equals(required(r, "trunkType"))) {
                        return null;
                    }
                    return new OrgRecord.Trunk(id, text(r, "name"), attributes.getOrDefault(id, Map.of()));
                });
    }

    @Override
    public Optional<OrgRequest> next() {
        return done ? Optional.empty() : Optional.of(OrgRequest.get(uri + "&pageNumber=" + pageNumber + filter));
    }

    @Override
    public OrgPage accept(int status, String body) {
        String page = OrgJson.pageName(resource, pageNumber);
        JsonNode root = OrgJson.read(json, body, page);
        JsonNode entities = OrgJson.array(root, "entities", page);
        int pageCount = OrgJson.pageCount(root, page);
        OrgPage records = OrgJson.map(entities, page, mapper, Optional.empty());
        if (pageNumber < pageCount) {
            pageNumber++;
        } else {
            done = true;
        }
        return records;
    }

    @Override
    public int pageNumber() {
        return pageNumber;
    }
}
