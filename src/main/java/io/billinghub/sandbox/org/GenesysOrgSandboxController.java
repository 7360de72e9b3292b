package io.billinghub.sandbox.org;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.sandbox.Bearer;
import io.billinghub.sandbox.SandboxConfiguration;
import io.billinghub.sandbox.SandboxFaults;
import io.billinghub.sandbox.SandboxProperties;
import io.billinghub.sandbox.SandboxTokens;
import io.billinghub.sandbox.TruncatedJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Genesys organisation APIs of the sandbox tenant (users, queues, trunks, queue metrics, WFM schedules,
 * analytics usage, sessions, the platform invoice), as of the {@code asOf} instant each request names. Pages are
 * {@code pageNumber} (1-based) and {@code pageSize} (at most 500). Requests go through {@link SandboxFaults} first,
 * then the bearer token check of {@link SandboxTokens}, like the usage API.
 */
@RestController
@RequestMapping("/sandbox/genesys")
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
// Brings its beans along when a @WebMvcTest slice picks this controller up without the configurations.
@Import({SandboxConfiguration.class, OrgSandboxConfiguration.class})
class GenesysOrgSandboxController {

    /** Errors in the vendor's shape: {"status": 400, "code": "bad.request", "message": "..."}. */
    record ApiError(int status, String code, String message) {
    }

    /** A page; {@code from} and {@code to} echo the range of a time-ranged resource (absent otherwise). */
    record Page(List<?> entities, int pageNumber, int pageSize, int pageCount, int total, String asOf,
                @JsonInclude(JsonInclude.Include.NON_NULL) String from,
                @JsonInclude(JsonInclude.Include.NON_NULL) String to) {
    }

    private final SandboxProperties properties;
    private final SandboxFaults faults;
    private final SandboxTokens tokens;
    private final OrgMonth month;
    private final ObjectMapper json;

    GenesysOrgSandboxController(SandboxProperties properties, SandboxFaults faults, SandboxTokens tokens,
                                OrgMonths months, ObjectMapper json) {
        this.properties = properties;
        this.faults = faults;
        this.tokens = tokens;
        this.month = months.genesys();
        this.json = json;
    }

    /** Users as of an instant; a users request without {@code asOf} is the published API's (current state). */
    @GetMapping(path = "/api/v2/users", params = "asOf", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> users(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                 @RequestParam Map<String, String> params) {
        return page(auth, params, false, q -> month.users(q.asOf()).stream()
                .map(u -> GenesysOrgJson.user(u, month.divisions())).toList());
    }

    /** Queues as of an instant; a queues request without {@code asOf} is the published API's (current state). */
    @GetMapping(path = "/api/v2/routing/queues", params = "asOf", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> queues(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                  @RequestParam Map<String, String> params) {
        return page(auth, params, false, q -> month.queues().stream()
                .map(queue -> GenesysOrgJson.queue(queue, month.divisions())).toList());
    }

    @GetMapping(path = "/api/v2/telephony/trunks", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> trunks(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                  @RequestParam Map<String, String> params) {
        return page(auth, params, false, q -> month.trunks().stream().map(GenesysOrgJson::trunk).toList());
    }

    @GetMapping(path = "/api/v2/analytics/conversations/queue-metrics", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> queueMetrics(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @RequestParam Map<String, String> params) {
        return page(auth, params, true, q -> month.conversations(q.from(), q.to(), q.asOf()).stream()
                .map(GenesysOrgJson::metric).toList());
    }

    @GetMapping(path = "/api/v2/workforcemanagement/schedules", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> schedules(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                     @RequestParam Map<String, String> params) {
        return page(auth, params, true, q -> month.shifts(q.from(), q.to(), q.asOf()).stream()
                .map(GenesysOrgJson::schedule).toList());
    }

    @GetMapping(path = "/api/v2/speechandtextanalytics/usage", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> analytics(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                     @RequestParam Map<String, String> params) {
        return page(auth, params, true, q -> month.analytics(q.from(), q.to(), q.asOf()).stream()
                .map(GenesysOrgJson::usage).toList());
    }

    @GetMapping(path = "/api/v2/users/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> sessions(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                    @RequestParam Map<String, String> params) {
        return page(auth, params, true, q -> month.sessions(q.from(), q.to(), q.asOf()).stream()
                .map(GenesysOrgJson::session).toList());
    }

    /** Not paged: the invoice of {@code period}, once issued (404 as of an earlier instant). */
    @GetMapping(path = "/api/v2/billing/invoices/platform", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> invoice(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                   @RequestParam Map<String, String> params) {
        Optional<ResponseEntity<Object>> refused = gate(auth);
        if (refused.isPresent()) {
            return refused.get();
        }
        InvoiceJson.Answer answer = InvoiceJson.answer(month, params);
        if (answer.invoice() != null) {
            return ResponseEntity.ok(answer.invoice());
        }
        return error(answer.status(), answer.status() == HttpStatus.BAD_REQUEST ? "bad.request" : "not.found",
                answer.message());
    }

    private ResponseEntity<Object> page(String authorization, Map<String, String> params, boolean ranged,
                                        Function<OrgQuery, List<?>> records) {
        Optional<ResponseEntity<Object>> refused = gate(authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        OrgQuery query;
        try {
            query = OrgQuery.genesys(params, ranged);
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.BAD_REQUEST, "bad.request", e.getMessage());
        }
        List<?> all = records.apply(query);
        int pageCount = (all.size() + query.size() - 1) / query.size();
        Page page = new Page(query.slice(all), (int) (query.offset() / query.size() + 1), query.size(), pageCount,
                all.size(), query.asOf().toString(), ranged ? query.from().toString() : null,
                ranged ? query.to().toString() : null);
        return faults.nextPageTruncated() ? TruncatedJson.of(json, page) : ResponseEntity.ok(page);
    }

    /** Faults first (a gateway in front of the API), then the token. */
    private Optional<ResponseEntity<Object>> gate(String authorization) {
        SandboxFaults.UsageFault fault = faults.nextUsageRequest();
        if (fault == SandboxFaults.UsageFault.RATE_LIMITED) {
            return Optional.of(ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(properties.retryAfterSeconds()))
                    .body(new ApiError(429, "too.many.requests",
                            "Rate limit exceeded; retry after " + properties.retryAfterSeconds() + " s")));
        }
        if (fault == SandboxFaults.UsageFault.UNAVAILABLE) {
            return Optional.of(error(HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable",
                    "The service is temporarily unavailable"));
        }
        if (!tokens.isValid(Bearer.token(authorization))) {
            return Optional.of(ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .body(new ApiError(401, "bad.credentials", "Missing, unknown or expired access token")));
        }
        return Optional.empty();
    }

    private static ResponseEntity<Object> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), code, message));
    }
}
