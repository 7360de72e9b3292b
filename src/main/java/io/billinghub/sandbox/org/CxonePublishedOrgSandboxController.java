package io.billinghub.sandbox.org;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.extraction.org.OrgRecord;
import io.billinghub.sandbox.cxone.CxonePublishedSandbox;
import io.billinghub.sandbox.cxone.CxonePublishedSandbox.Links;
import io.billinghub.sandbox.cxone.CxonePublishedSandboxConfiguration;
import io.billinghub.sandbox.cxone.CxoneSandboxConfiguration;
import io.billinghub.sandbox.cxone.CxoneSandboxFaults;
import io.billinghub.sandbox.cxone.CxoneSandboxProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CXone organisation on the published API's host (/sandbox/cxone-published, the api_endpoint its discovery
 * answers), read with the tenant's published token (the password grant of /sandbox/cxone-published/auth/token):
 * <ul>
 * <li>the Admin API's agents as NICE publishes them (GET /inContactAPI/services/v{N}/agents, {@link
 * CxonePublishedAgentJson}): the current state of the generated month's users at the sandbox's clock, top/skip
 * paging with {@code _links.next} unless switched off, 204 past the last agent, {@code isActive} filtering; the
 * published faults first (its 429 without Retry-After);</li>
 * <li>the rest of the organisation in the design document's shape ({@link CxoneOrgApi}), which NICE does not
 * publish: the sandbox passes it through on the one host a PUBLISHED tenant knows, so that such a tenant is charged
 * back with the credentials it has.</li>
 * </ul>
 */
@RestController
@RequestMapping(CxonePublishedSandbox.BASE)
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
// Brings its beans along when a @WebMvcTest slice picks this controller up without the configurations.
@Import({CxoneSandboxConfiguration.class, CxonePublishedSandboxConfiguration.class, OrgSandboxConfiguration.class})
class CxonePublishedOrgSandboxController extends CxoneOrgApi {

    static final String AGENTS = "/inContactAPI/services/{version}/agents";
    /** The sandbox's default and largest page of agents. */
    static final int MAX_TOP = 1000;
    static final int DEFAULT_TOP = 100;

    private final CxonePublishedSandbox published;
    private final CxoneSandboxFaults faults;
    private final OrgMonth month;
    private final Clock clock;

    CxonePublishedOrgSandboxController(CxoneSandboxProperties properties, CxoneSandboxFaults faults,
                                       CxonePublishedSandbox published, OrgMonths months, ObjectMapper json,
                                       Clock clock) {
        super(properties, faults, months, json);
        this.published = published;
        this.faults = faults;
        this.month = months.cxone();
        this.clock = clock;
    }

    @Override
    boolean authorised(String token) {
        return published.valid(token);
    }

    @GetMapping(path = AGENTS, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> agents(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                  @PathVariable String version,
                                  @RequestParam(required = false) String top,
                                  @RequestParam(required = false) String skip,
                                  @RequestParam(required = false) String isActive,
                                  HttpServletRequest request) {
        Optional<ResponseEntity<Object>> refused = published.refusal(faults, auth);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!version.matches("v[0-9]+\\.[0-9]+")) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(new CxonePublishedSandbox.ApiError("not_found", "No API " + version));
        }
        int pageSize;
        int offset;
        try {
            pageSize = top == null ? DEFAULT_TOP : Integer.parseInt(top);
            offset = skip == null ? 0 : Integer.parseInt(skip);
        } catch (NumberFormatException e) {
            return ResponseEntity.badRequest().body(new CxonePublishedSandbox.ApiError("invalid_request",
                    "top and skip must be whole numbers"));
        }
        if (pageSize < 1 || pageSize > MAX_TOP || offset < 0
                || isActive != null && !isActive.equals("true") && !isActive.equals("false")) {
            return ResponseEntity.badRequest().body(new CxonePublishedSandbox.ApiError("invalid_request",
                    "top must be 1.." + MAX_TOP + ", skip >= 0, isActive true or false"));
        }
        // the current state: every user as the directory holds it now, in order of creation
        List<CxonePublishedAgentJson.Agent> all = month.users(clock.instant()).stream()
                .filter(u -> isActive == null || (u.status() == OrgRecord.UserStatus.ACTIVE) == Boolean.parseBoolean(
                        isActive)).map(CxonePublishedAgentJson::agent).toList();
        if (offset >= all.size()) {
            return ResponseEntity.noContent().build();
        }
        String query = "?" + (isActive == null ? "" : "isActive=" + isActive + "&") + "top=" + pageSize + "&skip=";
        String next = published.linksNext() && offset + pageSize < all.size()
                ? page(request, version, query, offset + pageSize) : null;
        String previous = offset > 0 ? page(request, version, query, Math.max(0, offset - pageSize)) : null;
        return ResponseEntity.ok(new CxonePublishedAgentJson.Page(CxonePublishedAgentJson.BUSINESS_UNIT,
                new Links(page(request, version, query, offset), next, previous), clock.instant().toString(),
                all.size(), all.subList(offset, Math.min(all.size(), offset + pageSize))));
    }

    /** The page at {@code skip} of the same query, as an absolute URL (NICE's links are). */
    private static String page(HttpServletRequest request, String version, String query, int skip) {
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + CxonePublishedSandbox.BASE + "/inContactAPI/services/" + version
                + "/agents" + query + skip;
    }
}
