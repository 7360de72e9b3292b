package io.billinghub.sandbox.genesyscloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.sandbox.Bearer;
import io.billinghub.sandbox.SandboxFaults;
import io.billinghub.sandbox.SandboxProperties;
import io.billinghub.sandbox.SandboxTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
 * The analytics conversation details jobs of Genesys Cloud's published API, over the document sandbox's legs
 * (GenesysConversations). Served beside the document's usage endpoint under /sandbox/genesys, as one Genesys Cloud
 * organisation serves all its APIs under api.{environment} with one token endpoint (login.{environment}/oauth/token,
 * here /sandbox/genesys/oauth/token): a tenant switches connector without changing its URLs.
 *
 * <p>As Genesys answers: 429 with Retry-After and {@code {"status":429,"code":"too.many.requests.retry.after",
 * "message":"Rate limit exceeded the maximum. Retry the request in [N] seconds"}}; every other answer carries
 * {@code inin-ratelimit-allowed/count/reset} (the per-minute limit, requests so far this minute, seconds to the
 * next minute). The 429 and 503 faults share the document sandbox's request counter and settings.
 */
@RestController
@RequestMapping("/sandbox/genesys/api/v2/analytics/conversations/details/jobs")
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
class GenesysCloudSandboxController {

    /** Genesys's error body (ErrorBody: status, code, message). */
    record ErrorBody(int status, String code, String message) {
    }

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_PAGE_SIZE = 1000;

    private final SandboxProperties sandbox;
    private final GenesysCloudSandboxProperties properties;
    private final GenesysConversations conversations;
    private final GenesysJobs jobs;
    private final SandboxFaults faults;
    private final SandboxTokens tokens;
    private final GenesysRateLimit rateLimit;
    private final Clock clock;

    GenesysCloudSandboxController(SandboxProperties sandbox, GenesysCloudSandboxProperties properties,
                                  GenesysConversations conversations, GenesysJobs jobs, SandboxFaults faults,
                                  SandboxTokens tokens, GenesysRateLimit rateLimit, ObjectProvider<Clock> clock) {
        this.sandbox = sandbox;
        this.properties = properties;
        this.conversations = conversations;
        this.jobs = jobs;
        this.faults = faults;
        this.tokens = tokens;
        this.rateLimit = rateLimit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping(path = "/availability", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> availability(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return guarded(authorization, () -> ok(Map.of("dataAvailabilityDate",
                MILLIS.format(clock.instant().minus(properties.availabilityLag())))));
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> submit(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) JsonNode query) {
        return guarded(authorization, () -> {
            String interval = query == null ? null : query.path("interval").asText(null);
            Instant[] range = interval(interval);
            if (range == null) {
                return error(HttpStatus.BAD_REQUEST, "bad.request",
                        "interval must be two ISO-8601 instants separated by '/', was " + interval);
            }
            GenesysJobs.Job job = jobs.submit(range[0], range[1]);
            return decorate(ResponseEntity.status(HttpStatus.ACCEPTED)).body(Map.of("jobId", job.id()));
        });
    }

    @GetMapping(path = "/{jobId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> status(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable String jobId) {
        return guarded(authorization, () -> {
            Optional<GenesysJobs.Job> job = jobs.find(jobId);
            if (job.isEmpty()) {
                return error(HttpStatus.NOT_FOUND, "not.found", "Job " + jobId + " was not found");
            }
            String state = jobs.poll(job.get());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("state", state);
            if ("FAILED".equals(state)) {
                body.put("errorMessage", "The query failed to execute (sandbox fault)");
            }
            body.put("submissionDate", MILLIS.format(job.get().submittedAt()));
            body.put("expirationDate", MILLIS.format(job.get().submittedAt().plusSeconds(2 * 24 * 3600)));
            return ok(body);
        });
    }

    @GetMapping(path = "/{jobId}/results", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> results(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable String jobId,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String pageSize) {
        return guarded(authorization, () -> {
            Optional<GenesysJobs.Job> job = jobs.find(jobId);
            if (job.isEmpty()) {
                return error(HttpStatus.NOT_FOUND, "not.found", "Job " + jobId + " was not found");
            }
            if (!"FULFILLED".equals(job.get().state())) {
                return error(HttpStatus.BAD_REQUEST, "bad.request", "Job " + jobId + " is " + job.get().state()
                        + ", not FULFILLED");
            }
            Integer size = pageSize(pageSize);
            Integer offset = offset(cursor);
            if (size == null || offset == null) {
                return error(HttpStatus.BAD_REQUEST, "bad.request", "pageSize must be 1.." + MAX_PAGE_SIZE
                        + " and cursor one this API returned");
            }
            List<JsonNode> all = conversations.find(job.get().from(), job.get().to());
            List<JsonNode> page = all.subList(Math.min(offset, all.size()), Math.min(offset + size, all.size()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("conversations", page);
            if (offset + size < all.size()) {
                body.put("cursor", Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(Integer.toString(offset + size).getBytes(StandardCharsets.UTF_8)));
            }
            return ok(body);
        });
    }

    /** The gateway's faults first (429, 503, counted with the document API's requests), then the token. */
    private ResponseEntity<Object> guarded(String authorization, Supplier<ResponseEntity<Object>> answer) {
        SandboxFaults.UsageFault fault = faults.nextUsageRequest();
        if (fault == SandboxFaults.UsageFault.RATE_LIMITED) {
            long seconds = sandbox.retryAfterSeconds();
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .body(new ErrorBody(429, "too.many.requests.retry.after",
                            "Rate limit exceeded the maximum. Retry the request in [" + seconds + "] seconds"));
        }
        if (fault == SandboxFaults.UsageFault.UNAVAILABLE) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable",
                    "The service is currently unavailable");
        }
        if (!tokens.isValid(Bearer.token(authorization))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(new ErrorBody(401, "bad.credentials", "Invalid login credentials."));
        }
        return answer.get();
    }

    private ResponseEntity<Object> ok(Object body) {
        return decorate(ResponseEntity.ok()).body(body);
    }

    private ResponseEntity<Object> error(HttpStatus status, String code, String message) {
        return decorate(ResponseEntity.status(status)).body(new ErrorBody(status.value(), code, message));
    }

    /** The rate-limit headers Genesys sends with every answer that is not a 429. */
    private ResponseEntity.BodyBuilder decorate(ResponseEntity.BodyBuilder builder) {
        return builder.headers(rateLimit.count());
    }

    private static Instant[] interval(String interval) {
        if (interval == null) {
            return null;
        }
        String[] parts = interval.split("/");
        try {
            Instant[] range = {Instant.parse(parts[0]), Instant.parse(parts[1])};
            return parts.length == 2 && range[0].isBefore(range[1]) ? range : null;
        } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private static Integer pageSize(String text) {
        try {
            int size = text == null ? 100 : Integer.parseInt(text);
            return size >= 1 && size <= MAX_PAGE_SIZE ? size : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer offset(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            return offset >= 0 ? offset : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
