package io.billinghub.sandbox.org;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.extraction.org.OrgRecord;
import io.billinghub.sandbox.Bearer;
import io.billinghub.sandbox.SandboxConfiguration;
import io.billinghub.sandbox.SandboxFaults;
import io.billinghub.sandbox.SandboxProperties;
import io.billinghub.sandbox.SandboxTokens;
import io.billinghub.sandbox.genesyscloud.GenesysCloudSandboxConfiguration;
import io.billinghub.sandbox.genesyscloud.GenesysRateLimit;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's Genesys organisation month as Genesys Cloud publishes it, under /sandbox/genesys beside the usage
 * jobs and the document-shaped organisation APIs, as a real organisation serves all its APIs on one host: users
 * (current state, pageNumber/pageSize with pageCount and nextUri; a users request naming {@code asOf} is the
 * document's, {@link GenesysOrgSandboxController}), licences per user, the users' custom attribute records of one
 * schema (404 for a user without one), the billable usage report (InProgress for the first
 * {@code billableUsagePolls} requests of a date range, then Complete), conversation aggregates by queue and the
 * users' presence records of the user details query ({@link GenesysUserPresence}). Every answer carries the
 * organisation's {@link GenesysRateLimit} headers; an injected rate-limit fault answers 429 with Retry-After and
 * Genesys's {@code too.many.requests.retry.after} body. The token is the one client-credentials token of
 * /sandbox/genesys/oauth/token. Queues and trunks are published too, without custom attributes (a queues request
 * naming {@code asOf} is the document's). Resources Genesys does not publish in the document's form (queue metrics,
 * schedules, analytics usage, the invoice) are the document-shaped ones at the same paths, so a PUBLISHED tenant
 * extracts a whole month at its one base URL.
 */
@RestController
@RequestMapping("/sandbox/genesys")
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
@Import({SandboxConfiguration.class, OrgSandboxConfiguration.class, GenesysCloudSandboxConfiguration.class})
class GenesysCloudOrgSandboxController {

    private static final List<String> TRUNK_TYPES = List.of("EXTERNAL", "PHONE", "EDGE");

    record ApiError(int status, String code, String message) {
    }

    private final SandboxProperties properties;
    private final OrgSandboxProperties orgProperties;
    private final SandboxFaults faults;
    private final SandboxTokens tokens;
    private final GenesysRateLimit rateLimit;
    private final OrgMonth month;
    private final GenesysUserPresence presence;
    private final Clock clock;
    private final ObjectMapper json;
    private final Map<String, Integer> usagePolls = new HashMap<>();

    GenesysCloudOrgSandboxController(SandboxProperties properties, OrgSandboxProperties orgProperties,
                                     SandboxFaults faults, SandboxTokens tokens, GenesysRateLimit rateLimit,
                                     OrgMonths months, Clock clock, ObjectMapper json) {
        this.properties = properties;
        this.orgProperties = orgProperties;
        this.faults = faults;
        this.tokens = tokens;
        this.rateLimit = rateLimit;
        this.month = months.genesys();
        this.presence = new GenesysUserPresence(month.sessions());
        this.clock = clock;
        this.json = json;
    }

    /** Users as they are now (the published API has no history): active, inactive, deleted or any. */
    @GetMapping(path = "/api/v2/users", params = "!asOf", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> users(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                 @RequestParam Map<String, String> params) {
        return answer(auth, () -> {
            String state = params.getOrDefault("state", "active");
            if (!List.of("active", "inactive", "deleted", "any").contains(state)) {
                throw new IllegalArgumentException("state must be active, inactive, deleted or any, was " + state);
            }
            List<GenesysCloudOrgJson.User> all = month.users(clock.instant()).stream()
                    .map(u -> GenesysCloudOrgJson.user(u, month.divisions()))
                    .filter(u -> "any".equals(state) || u.state().equals(state)).toList();
            return listing("/api/v2/users", params, all, "&state=" + state);
        });
    }

    /**
     * Queues as they are now: the generated month keeps no history of its queues, so they are the same at every
     * instant.
     */
    @GetMapping(path = "/api/v2/routing/queues", params = "!asOf", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> queues(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                  @RequestParam Map<String, String> params) {
        return answer(auth, () -> listing("/api/v2/routing/queues", params, month.queues().stream()
                .map(q -> GenesysCloudOrgJson.queue(q, month.divisions())).toList(), ""));
    }

    /** Trunks as they are now (no history either): of every type, or of the trunkType asked for. */
    @GetMapping(path = "/api/v2/telephony/providers/edges/trunks", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> trunks(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                  @RequestParam Map<String, String> params) {
        return answer(auth, () -> {
            String type = params.get("trunkType");
            if (type != null && !TRUNK_TYPES.contains(type)) {
                throw new IllegalArgumentException("trunkType must be EXTERNAL, PHONE or EDGE, was " + type);
            }
            List<GenesysCloudOrgJson.Trunk> all = GenesysCloudOrgJson.trunks(month).stream()
                    .filter(t -> type == null || t.trunkType().equals(type)).toList();
            return listing("/api/v2/telephony/providers/edges/trunks", params, all,
                    type == null ? "" : "&trunkType=" + type);
        });
    }

    @GetMapping(path = "/api/v2/license/users", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> licences(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                    @RequestParam Map<String, String> params) {
        return answer(auth, () -> {
            List<GenesysCloudOrgJson.UserLicences> all = month.users(clock.instant()).stream()
                    .filter(u -> u.licenceType() != null)
                    .map(u -> new GenesysCloudOrgJson.UserLicences(u.userId(), GenesysCloudOrgJson.licences(u),
                            "/api/v2/license/users/" + u.userId())).toList();
            int[] paging = paging(params);
            int pageCount = pageCount(all.size(), paging[1]);
            return new GenesysCloudOrgJson.LicenceListing(slice(all, paging), paging[1], paging[0], all.size(),
                    pageCount);
        });
    }

    @GetMapping(path = "/api/v2/users/{userId}/customattributes/{schemaId}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> customAttributes(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @PathVariable String userId, @PathVariable String schemaId) {
        Optional<ResponseEntity<Object>> refused = gate(auth);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<GenesysCloudOrgJson.AttributesRecord> record = month.users(clock.instant()).stream()
                .filter(u -> u.userId().equals(userId)).findFirst()
                .filter(u -> GenesysCloudOrgJson.SCHEMA.equals(schemaId)).map(GenesysCloudOrgJson::attributes);
        return record.<ResponseEntity<Object>>map(r -> ok(r)).orElseGet(() -> limited(error(HttpStatus.NOT_FOUND,
                "not.found", "No custom attributes of schema " + schemaId + " for user " + userId)));
    }

    /**
     * InProgress for the first requests of a date range, then Complete: the licences of the users billed at the end
     * of the month, active and suspended ones (as the sandbox's platform invoice bills seats).
     */
    @GetMapping(path = "/api/v2/billing/reports/billableusage", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> billableUsage(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @RequestParam Map<String, String> params) {
        return answer(auth, () -> {
            String start = date(params, "startDate");
            String end = date(params, "endDate");
            int polls = usagePolls.merge(start + "/" + end, 1, Integer::sum);
            if (polls <= orgProperties.billableUsagePolls()) {
                return new GenesysCloudOrgJson.UsageReport(start, end, "InProgress", List.of());
            }
            Map<String, List<GenesysCloudOrgJson.Resource>> byName = new TreeMap<>();
            for (OrgRecord.User u : month.users(month.snapshot())) {
                if (u.status() != OrgRecord.UserStatus.ACTIVE && u.status() != OrgRecord.UserStatus.SUSPENDED) {
                    continue;
                }
                for (String licence : GenesysCloudOrgJson.licences(u)) {
                    byName.computeIfAbsent(GenesysCloudOrgJson.USAGE_NAMES.getOrDefault(licence, licence),
                            k -> new ArrayList<>()).add(new GenesysCloudOrgJson.Resource(u.userId(), start));
                }
            }
            List<GenesysCloudOrgJson.Usage> usages = byName.entrySet().stream().map(e -> new GenesysCloudOrgJson
                    .Usage(e.getKey(), Integer.toString(e.getValue().size()), e.getValue())).toList();
            return new GenesysCloudOrgJson.UsageReport(start, end, "Complete", usages);
        });
    }

    /**
     * Conversation aggregates of the voice conversations started in the query's interval, grouped by the queue that
     * answered them, in one bucket: nConnected (count), tTalk, tHeld and tAcw (count and millisecond sums).
     */
    @PostMapping(path = "/api/v2/analytics/conversations/aggregates/query",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> aggregates(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                      @RequestBody String body) {
        return answer(auth, () -> GenesysCloudOrgJson.aggregates(json, body, month));
    }

    /** The users' presence records (their login sessions) overlapping the query's interval, by user. */
    @PostMapping(path = "/api/v2/analytics/users/details/query",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> userDetails(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                       @RequestBody String body) {
        return answer(auth, () -> presence.answer(json, body));
    }

    private ResponseEntity<Object> answer(String authorization, Supplier<Object> body) {
        Optional<ResponseEntity<Object>> refused = gate(authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            return ok(body.get());
        } catch (IllegalArgumentException e) {
            return limited(error(HttpStatus.BAD_REQUEST, "bad.request", e.getMessage()));
        }
    }

    private GenesysCloudOrgJson.Listing listing(String path, Map<String, String> params, List<?> all, String query) {
        int[] paging = paging(params);
        int pageNumber = paging[0];
        int pageSize = paging[1];
        int pageCount = pageCount(all.size(), pageSize);
        String base = path + "?pageSize=" + pageSize + "&pageNumber=";
        return new GenesysCloudOrgJson.Listing(slice(all, paging), pageSize, pageNumber, all.size(), pageCount,
                base + 1 + query, base + pageNumber + query,
                pageNumber < pageCount ? base + (pageNumber + 1) + query : null,
                pageNumber > 1 ? base + (pageNumber - 1) + query : null, base + Math.max(pageCount, 1) + query);
    }

    /** pageNumber (1-based, default 1) and pageSize (1..500, default 25). */
    private static int[] paging(Map<String, String> params) {
        return new int[] {number(params, "pageNumber", 1, Integer.MAX_VALUE, 1),
            number(params, "pageSize", 1, OrgQuery.MAX_PAGE_SIZE, 25)};
    }

    private static int number(Map<String, String> params, String name, int min, int max, int absent) {
        String value = params.get(name);
        if (value == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", was '"
                + value + "'");
    }

    private static int pageCount(int total, int pageSize) {
        return (total + pageSize - 1) / pageSize;
    }

    private static <T> List<T> slice(List<T> all, int[] paging) {
        int from = (int) Math.min((long) (paging[0] - 1) * paging[1], all.size());
        return all.subList(from, Math.min(all.size(), from + paging[1]));
    }

    private static String date(Map<String, String> params, String name) {
        String value = params.get(name);
        try {
            return Instant.parse(value == null ? "" : value.trim()).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 date and time, was '" + value + "'");
        }
    }

    private ResponseEntity<Object> ok(Object body) {
        return limited(ResponseEntity.ok(body));
    }

    /** The answer with the rate-limit headers of the current minute. */
    private ResponseEntity<Object> limited(ResponseEntity<Object> response) {
        return ResponseEntity.status(response.getStatusCode()).headers(rateLimit.count()).body(response.getBody());
    }

    /** Faults first (a gateway in front of the API), then the token. */
    private Optional<ResponseEntity<Object>> gate(String authorization) {
        SandboxFaults.UsageFault fault = faults.nextUsageRequest();
        if (fault == SandboxFaults.UsageFault.RATE_LIMITED) {
            long seconds = properties.retryAfterSeconds();
            return Optional.of(ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .headers(rateLimit.exhausted(seconds))
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .body(new ApiError(429, "too.many.requests.retry.after",
                            "Rate limit exceeded the maximum. Retry the request in [" + seconds + "] seconds")));
        }
        if (fault == SandboxFaults.UsageFault.UNAVAILABLE) {
            return Optional.of(error(HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable",
                    "The service is currently unavailable"));
        }
        if (!tokens.isValid(Bearer.token(authorization))) {
            return Optional.of(ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .body(new ApiError(401, "bad.credentials", "Invalid login credentials.")));
        }
        return Optional.empty();
    }

    private static ResponseEntity<Object> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), code, message));
    }
}
