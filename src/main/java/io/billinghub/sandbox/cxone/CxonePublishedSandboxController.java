package io.billinghub.sandbox.cxone;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.sandbox.cxone.CxonePublishedSandbox.ApiError;
import io.billinghub.sandbox.cxone.CxonePublishedSandbox.Links;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Import;
import org.springframework.http.CacheControl;
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
 * NICE CXone's published API in the sandbox, over the document sandbox's month: the API discovery
 * ({@code /.well-known/cxone-configuration?tenantId=}), the password-grant token endpoint ({@code /auth/token},
 * client in HTTP Basic, access key as username and password) and the Reporting API's completed contacts
 * ({@code /inContactAPI/services/v{N}/contacts/completed}: top/skip paging, {@code _links.next} while more follow
 * unless switched off, 204 for a page with no contact, {@code mediaTypeId} filtering by media type) and the Data
 * Extraction jobs ({@code /data-extraction/v1/jobs}, {@link CxoneDataExtractionJobs}, with short-lived download
 * links; a job's file holds every media type). The API passes the document sandbox's {@link CxoneSandboxFaults}
 * first, as a gateway would; its 429 carries no Retry-After, as NICE's often does not.
 */
@RestController
@RequestMapping(CxonePublishedSandbox.BASE)
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
@Import(CxonePublishedSandboxConfiguration.class)
class CxonePublishedSandboxController {

    static final String COMPLETED = "/inContactAPI/services/{version}/contacts/completed";
    static final String JOBS = "/data-extraction/v1/jobs";
    static final String FILES = "/data-extraction/files";
    /** The default and largest page of completed contacts. */
    static final int MAX_TOP = 10_000;
    static final long BUSINESS_UNIT = 4_600_001L;

    record OAuthError(String error, @JsonProperty("error_description") String errorDescription) {
    }

    record TokenResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn) {
    }

    record Discovery(@JsonProperty("private") boolean isPrivate, String area, String domain,
                     @JsonProperty("api_endpoint") String apiEndpoint, @JsonProperty("ui_endpoint") String uiEndpoint,
                     @JsonProperty("auth_endpoint") String authEndpoint) {
    }

    record CompletedPage(long businessUnitId, String lastPollTime, int totalRecords,
                         @JsonProperty("_links") Links links, List<CxonePublishedContact> completedContacts) {
    }

    private final CxonePublishedSandbox sandbox;
    private final CxoneSandboxFaults faults;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    CxonePublishedSandboxController(CxonePublishedSandbox sandbox, CxoneSandboxFaults faults, Clock clock) {
        this.sandbox = sandbox;
        this.faults = faults;
        this.clock = clock;
    }

    @GetMapping(path = "/.well-known/cxone-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> discovery(@RequestParam(required = false) String tenantId, HttpServletRequest request) {
        if (!sandbox.properties().tenantId().equals(tenantId)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(new ApiError("tenant_not_found", "No tenant " + tenantId));
        }
        String base = root(request);
        return ResponseEntity.ok(new Discovery(false, sandbox.properties().area(), sandbox.properties().domain(),
                base, base + "/ui", base));
    }

    @PostMapping(path = "/auth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> token(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String basic,
                                 @RequestBody(required = false) String body) {
        Map<String, String> form = form(body);
        if (!"password".equals(form.get("grant_type"))) {
            return ResponseEntity.badRequest()
                    .body(new OAuthError("unsupported_grant_type", "Only grant_type password"));
        }
        Optional<CxoneTokens.IssuedToken> issued;
        try {
            issued = sandbox.issue(basic, form.get("username"), form.get("password"));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(new OAuthError("invalid_grant", e.getMessage()));
        }
        if (issued.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(new OAuthError("invalid_client", "Unknown client or wrong secret (HTTP Basic)"));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new TokenResponse(issued.get().accessToken(), "Bearer", issued.get().expiresInSeconds()));
    }

    @GetMapping(path = COMPLETED, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> completed(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                     @PathVariable String version,
                                     @RequestParam(required = false) String startDate,
                                     @RequestParam(required = false) String endDate,
                                     @RequestParam(required = false) String top,
                                     @RequestParam(required = false) String skip,
                                     @RequestParam(required = false) String mediaTypeId,
                                     HttpServletRequest request) {
        Optional<ResponseEntity<Object>> refused = sandbox.refusal(faults, auth);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!version.matches("v[0-9]+\\.[0-9]+")) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError("not_found", "No API " + version));
        }
        Instant from;
        Instant to;
        int pageSize;
        int offset;
        Integer media;
        try {
            from = Instant.parse(required("startDate", startDate));
            to = Instant.parse(required("endDate", endDate));
            pageSize = top == null ? MAX_TOP : Integer.parseInt(top);
            offset = skip == null ? 0 : Integer.parseInt(skip);
            media = mediaTypeId == null ? null : Integer.valueOf(mediaTypeId);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return ResponseEntity.badRequest().body(new ApiError("invalid_request", "startDate and endDate must be"
                    + " ISO-8601 instants, top, skip and mediaTypeId whole numbers: " + e.getMessage()));
        }
        if (pageSize < 1 || pageSize > MAX_TOP || offset < 0 || to.isBefore(from)) {
            return ResponseEntity.badRequest().body(new ApiError("invalid_request", "top must be 1.." + MAX_TOP
                    + ", skip >= 0, endDate not before startDate"));
        }
        List<CxonePublishedContact> all = sandbox.contacts().between(from, to, media);
        if (offset >= all.size()) {
            return ResponseEntity.noContent().build();
        }
        List<CxonePublishedContact> page = all.subList(offset, Math.min(all.size(), offset + pageSize));
        String query = "?startDate=" + URLEncoder.encode(startDate, UTF_8) + "&endDate="
                + URLEncoder.encode(endDate, UTF_8) + (media == null ? "" : "&mediaTypeId=" + media) + "&top="
                + pageSize + "&skip=";
        String self = pageUrl(request, version, query, offset);
        String next = sandbox.linksNext() && offset + pageSize < all.size()
                ? pageUrl(request, version, query, offset + pageSize) : null;
        String previous = offset > 0 ? pageUrl(request, version, query, Math.max(0, offset - pageSize)) : null;
        return ResponseEntity.ok(new CompletedPage(BUSINESS_UNIT, clock.instant().toString(), all.size(),
                new Links(self, next, previous), page));
    }

    /** Creates a Data Extraction job over [startDate, endDate]: 202 with the job's id (a JSON string). */
    @PostMapping(path = JOBS, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> createJob(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                     @RequestBody(required = false) String body) {
        Optional<ResponseEntity<Object>> refused = sandbox.refusal(faults, auth).or(this::paced);
        if (refused.isPresent()) {
            return refused.get();
        }
        Instant from;
        Instant to;
        try {
            JsonNode request = json.readTree(body == null ? "" : body);
            if (!CxoneDataExtractionJobs.ENTITY.equals(request.path("entityName").asText())) {
                return ResponseEntity.badRequest().body(new ApiError("invalid_request", "Unknown entityName '"
                        + request.path("entityName").asText() + "'; the sandbox has "
                        + CxoneDataExtractionJobs.ENTITY));
            }
            from = Instant.parse(request.path("startDate").asText());
            to = Instant.parse(request.path("endDate").asText());
        } catch (IOException | DateTimeParseException e) {
            return ResponseEntity.badRequest().body(new ApiError("invalid_request",
                    "The body must be JSON with entityName, version, startDate and endDate (ISO-8601)"));
        }
        try {
            // the id as a JSON string: a bare String body would be written as it is
            return ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsString(sandbox.jobs().create(from, to)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A job's status; a SUCCEEDED job's result carries a fresh, short-lived download url. */
    @GetMapping(path = JOBS + "/{jobId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> job(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                               @PathVariable String jobId, HttpServletRequest request) {
        Optional<ResponseEntity<Object>> refused = sandbox.refusal(faults, auth).or(this::paced);
        if (refused.isPresent()) {
            return refused.get();
        }
        return sandbox.jobs().status(jobId, root(request) + FILES).<ResponseEntity<Object>>map(status -> {
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("id", status.id());
            job.put("status", status.status());
            if (status.url() != null || status.errorMessage() != null) {
                Map<String, Object> result = new LinkedHashMap<>();
                if (status.url() != null) {
                    result.put("url", status.url());
                }
                if (status.errorMessage() != null) {
                    result.put("errorMessage", status.errorMessage());
                }
                job.put("result", result);
            }
            return ResponseEntity.ok(Map.of("jobStatus", job));
        }).orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new ApiError("not_found", "No job " + jobId)));
    }

    /**
     * A job's file behind its download link (no token: the link is the grant, like a pre-signed URL); 403 once the
     * link has expired or a newer one was issued.
     */
    @GetMapping(path = FILES + "/{jobId}/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> file(@PathVariable String jobId, @PathVariable String token) {
        return sandbox.jobs().download(jobId, token).<ResponseEntity<Object>>map(window -> ResponseEntity.ok(
                        Map.of("completedContacts", sandbox.contacts().between(window[0], window[1], null))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.FORBIDDEN)
                        .body(new ApiError("AccessDenied", "Request has expired")));
    }

    /** NICE allows about one Data Extraction call per 30 s: a faster one is refused, without Retry-After. */
    private Optional<ResponseEntity<Object>> paced() {
        return sandbox.jobs().admit() ? Optional.empty() : Optional.of(ResponseEntity
                .status(HttpStatus.TOO_MANY_REQUESTS).body(new ApiError("too_many_requests",
                        "Data Extraction allows one call per " + sandbox.properties().jobCallIntervalSeconds()
                                + " s")));
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value;
    }

    private static String root(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + CxonePublishedSandbox.BASE;
    }

    /** The page at {@code skip} of the same query (its filters and top repeated, as NICE's links do). */
    private static String pageUrl(HttpServletRequest request, String version, String query, int skip) {
        return root(request) + "/inContactAPI/services/" + version + "/contacts/completed" + query + skip;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        if (body == null) {
            return fields;
        }
        for (String pair : body.trim().split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                try {
                    fields.put(URLDecoder.decode(pair.substring(0, equals), UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), UTF_8));
                } catch (IllegalArgumentException e) {
                    return new LinkedHashMap<>();
                }
            }
        }
        return fields;
    }
}
