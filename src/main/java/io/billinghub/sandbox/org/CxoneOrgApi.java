package io.billinghub.sandbox.org;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.sandbox.Bearer;
import io.billinghub.sandbox.TruncatedJson;
import io.billinghub.sandbox.cxone.CxoneFaultAnswers;
import io.billinghub.sandbox.cxone.CxoneSandboxFaults;
import io.billinghub.sandbox.cxone.CxoneSandboxProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The CXone organisation APIs of the sandbox tenant in the design document's shape, as of the {@code asOf} instant
 * each request names. Pages are {@code skip} and {@code top} (at most 500); the body names the next page in
 * {@code _links.next} (a path on this server, null on the last page). Requests go through
 * {@link CxoneSandboxFaults} first, then the bearer token check of the host that serves them (each subclass is one
 * host: its base path and the tokens it accepts).
 */
abstract class CxoneOrgApi {

    /** Errors in the vendor's shape: {"status": 400, "error": "invalid_request", "message": "..."}. */
    record ApiError(int status, String error, String message) {
    }

    private final CxoneSandboxProperties properties;
    private final CxoneSandboxFaults faults;
    private final OrgMonth month;
    private final ObjectMapper json;

    CxoneOrgApi(CxoneSandboxProperties properties, CxoneSandboxFaults faults, OrgMonths months, ObjectMapper json) {
        this.properties = properties;
        this.faults = faults;
        this.month = months.cxone();
        this.json = json;
    }

    /** Whether this host accepts the bearer token (null when the request has none). */
    abstract boolean authorised(String token);

    @GetMapping(path = "/api/v2/users", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> users(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                 @RequestParam Map<String, String> params, HttpServletRequest request) {
        return page(auth, params, request, "users", false,
                q -> month.users(q.asOf()).stream().map(CxoneOrgJson::user).toList());
    }

    @GetMapping(path = "/api/v2/skills", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> skills(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                  @RequestParam Map<String, String> params, HttpServletRequest request) {
        return page(auth, params, request, "skills", false,
                q -> month.queues().stream().map(CxoneOrgJson::skill).toList());
    }

    @GetMapping(path = "/api/v2/trunks", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> trunks(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                  @RequestParam Map<String, String> params, HttpServletRequest request) {
        return page(auth, params, request, "trunks", false,
                q -> month.trunks().stream().map(CxoneOrgJson::trunk).toList());
    }

    @GetMapping(path = "/api/v2/contacts/queue-metrics", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> contacts(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                    @RequestParam Map<String, String> params, HttpServletRequest request) {
        return page(auth, params, request, "contacts", true, q -> month.conversations(q.from(), q.to(), q.asOf())
                .stream().map(CxoneOrgJson::contact).toList());
    }

    @GetMapping(path = "/api/v2/wfm/schedules", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> schedules(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                     @RequestParam Map<String, String> params, HttpServletRequest request) {
        return page(auth, params, request, "schedules", true, q -> month.shifts(q.from(), q.to(), q.asOf())
                .stream().map(CxoneOrgJson::schedule).toList());
    }

    @GetMapping(path = "/api/v2/analytics/usage", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> analytics(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                     @RequestParam Map<String, String> params, HttpServletRequest request) {
        return page(auth, params, request, "analyticsUsage", true, q -> month.analytics(q.from(), q.to(), q.asOf())
                .stream().map(CxoneOrgJson::analytics).toList());
    }

    @GetMapping(path = "/api/v2/agents/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> sessions(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                    @RequestParam Map<String, String> params, HttpServletRequest request) {
        return page(auth, params, request, "sessions", true, q -> month.sessions(q.from(), q.to(), q.asOf())
                .stream().map(CxoneOrgJson::session).toList());
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
        String code = answer.status() == HttpStatus.BAD_REQUEST ? "invalid_request" : "invoice_not_found";
        return error(answer.status(), code, answer.message());
    }

    private ResponseEntity<Object> page(String authorization, Map<String, String> params, HttpServletRequest request,
                                        String collection, boolean ranged, Function<OrgQuery, List<?>> records) {
        Optional<ResponseEntity<Object>> refused = gate(authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        OrgQuery query;
        try {
            query = OrgQuery.cxone(params, ranged);
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", e.getMessage());
        }
        List<?> all = records.apply(query);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("totalRecords", all.size());
        body.put("asOf", query.asOf().toString());
        body.put(collection, query.slice(all));
        Map<String, String> links = new LinkedHashMap<>();
        links.put("next", query.offset() + query.size() < all.size() ? next(request, query) : null);
        body.put("_links", links);
        return faults.nextPageTruncated() ? TruncatedJson.of(json, body) : ResponseEntity.ok(body);
    }

    /** The same request for the following records. */
    private static String next(HttpServletRequest request, OrgQuery query) {
        UriComponentsBuilder next = UriComponentsBuilder.fromPath(request.getRequestURI())
                .queryParam("asOf", query.asOf());
        if (query.from() != null) {
            next.queryParam("from", query.from()).queryParam("to", query.to());
        }
        return next.queryParam("skip", query.offset() + query.size()).queryParam("top", query.size())
                .build().encode().toUriString();
    }

    /** Faults first (a gateway in front of the API), then the token. */
    private Optional<ResponseEntity<Object>> gate(String authorization) {
        Optional<ResponseEntity<Object>> faulted = CxoneFaultAnswers.of(faults.nextRequest(),
                properties.retryAfterSeconds());
        if (faulted.isPresent()) {
            return faulted;
        }
        if (!authorised(Bearer.token(authorization))) {
            return Optional.of(ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .body(new ApiError(401, "invalid_token", "Missing, unknown or expired access token")));
        }
        return Optional.empty();
    }

    private static ResponseEntity<Object> error(HttpStatus status, String error, String message) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), error, message));
    }
}
