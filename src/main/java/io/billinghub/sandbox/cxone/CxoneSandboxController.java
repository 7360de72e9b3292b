package io.billinghub.sandbox.cxone;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.sandbox.Bearer;
import io.billinghub.sandbox.RequestLimit;
import io.billinghub.sandbox.TruncatedJson;
import java.net.URI;
import java.net.URLDecoder;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Import;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The NICE CXone administrative API as the design document describes it: OAuth client credentials (JSON body),
 * asynchronous usage reports (submit, poll, paged data), the monthly invoice, and the invoice CSV a finance team
 * downloads. The API endpoints (reports and invoices, not the token endpoint or the CSV download) go through the
 * tenant's {@link RequestLimit} first, then {@link CxoneSandboxFaults}, then the bearer token check: usage reports
 * need the scope read:usage, invoices read:billing.
 */
@RestController
@RequestMapping("/sandbox/cxone")
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
// Brings its beans along when a @WebMvcTest slice picks this controller up without the configuration.
@Import(CxoneSandboxConfiguration.class)
class CxoneSandboxController {

    static final String REPORTS = "/api/v2/usage/reports";

    /** API errors: {"status": 404, "error": "report_not_found", "message": "..."}. */
    record ApiError(int status, String error, String message) {
    }

    /** OAuth errors, in the RFC 6749 shape. */
    record OAuthError(String error, @JsonProperty("error_description") String errorDescription) {
    }

    record TokenResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn,
                         String scope) {
    }

    private final CxoneSandboxProperties properties;
    private final CxoneTokens tokens;
    private final RequestLimit limit;
    private final CxoneSandboxFaults faults;
    private final CxoneReportStore reports;
    private final CxoneSandboxInvoices invoices;
    private final ObjectMapper objectMapper;

    CxoneSandboxController(CxoneSandboxProperties properties, CxoneTokens tokens, RequestLimit limit,
                           CxoneSandboxFaults faults, CxoneReportStore reports, CxoneSandboxInvoices invoices,
                           ObjectMapper objectMapper) {
        this.properties = properties;
        this.tokens = tokens;
        this.limit = limit;
        this.faults = faults;
        this.reports = reports;
        this.invoices = invoices;
        this.objectMapper = objectMapper;
    }

    /** Client credentials in a JSON body (a form-encoded body is accepted too). */
    @PostMapping(path = "/oauth/token", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> token(@RequestBody(required = false) String body) {
        Map<String, String> fields = tokenFields(body);
        if (fields == null) {
            return ResponseEntity.badRequest().body(new OAuthError("invalid_request",
                    "The body must be a JSON object with grant_type, client_id and client_secret"));
        }
        if (!tokens.authenticates(fields.get("client_id"), fields.get("client_secret"))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(new OAuthError("invalid_client", "Unknown client or wrong secret"));
        }
        if (!"client_credentials".equals(fields.get("grant_type"))) {
            return ResponseEntity.badRequest()
                    .body(new OAuthError("unsupported_grant_type", "Only grant_type client_credentials"));
        }
        Optional<List<String>> scopes = CxoneTokens.grantable(fields.get("scope"));
        if (scopes.isEmpty()) {
            return ResponseEntity.badRequest().body(new OAuthError("invalid_scope",
                    "Scopes available: " + String.join(" ", CxoneTokens.SCOPES)));
        }
        CxoneTokens.IssuedToken issued = tokens.issue(fields.get("client_id"), fields.get("client_secret"),
                scopes.get()).orElseThrow();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new TokenResponse(issued.accessToken(), "bearer", issued.expiresInSeconds(), issued.scope()));
    }

    // Bodies and parameters arrive as text and are checked by the plain classes, so every request is counted.
    @PostMapping(path = REPORTS, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> submit(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        Optional<ResponseEntity<Object>> refused = gate(authorization, CxoneTokens.READ_USAGE);
        if (refused.isPresent()) {
            return refused.get();
        }
        CxoneReportStore.StatusView submitted = reports.submit(CxoneReportRequest.parse(json(body)));
        return ResponseEntity.accepted()
                .location(URI.create("/sandbox/cxone" + REPORTS + "/" + submitted.reportId()))
                .body(submitted);
    }

    @GetMapping(path = REPORTS + "/{reportId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> status(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable String reportId) {
        return gate(authorization, CxoneTokens.READ_USAGE).orElseGet(() -> ResponseEntity.ok(reports.poll(reportId)));
    }

    @GetMapping(path = REPORTS + "/{reportId}/data", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> data(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable String reportId,
            @RequestParam(required = false) String pageSize,
            @RequestParam(required = false) String nextPageToken) {
        return gate(authorization, CxoneTokens.READ_USAGE).orElseGet(() -> {
            Object page = reports.data(reportId, pageSize, nextPageToken);
            return faults.nextPageTruncated() ? TruncatedJson.of(objectMapper, page) : ResponseEntity.ok(page);
        });
    }

    @GetMapping(path = "/api/v2/billing/invoices", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> invoice(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(required = false) String billingPeriod) {
        return gate(authorization, CxoneTokens.READ_BILLING)
                .orElseGet(() -> ResponseEntity.ok(findInvoice(billingPeriod)));
    }

    /** The CSV download: no token and no faults (a person downloads it; the hub's demo builds it itself). */
    @GetMapping(path = "/invoices/{billingPeriod}.csv")
    ResponseEntity<String> invoiceCsv(@PathVariable String billingPeriod) {
        CxoneSandboxInvoice invoice = findInvoice(billingPeriod);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(CxoneInvoiceCsv.fileName(invoice)).build().toString())
                .body(CxoneInvoiceCsv.write(invoice));
    }

    @ExceptionHandler(CxoneApiException.class)
    ResponseEntity<ApiError> apiError(CxoneApiException e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(e.status(), e.error(), e.getMessage()));
    }

    /** The request limit and the faults first (a gateway in front of the API), then the token and its scope. */
    private Optional<ResponseEntity<Object>> gate(String authorization, String scope) {
        Optional<Duration> overLimit = limit.admit();
        if (overLimit.isPresent()) {
            long retryAfter = RequestLimit.retryAfterSeconds(overLimit.get());
            return Optional.of(ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
                    .body(new ApiError(429, "rate_limited", "Over the limit of " + limit.requestsPerSecond()
                            + " requests per second (burst " + limit.burst() + "); retry after " + retryAfter + " s")));
        }
        Optional<ResponseEntity<Object>> faulted = CxoneFaultAnswers.of(faults.nextRequest(),
                properties.retryAfterSeconds());
        if (faulted.isPresent()) {
            return faulted;
        }
        CxoneTokens.Check check = tokens.check(Bearer.token(authorization), scope);
        if (check == CxoneTokens.Check.INVALID) {
            return Optional.of(ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .body(new ApiError(401, "invalid_token", "Missing, unknown or expired access token")));
        }
        if (check == CxoneTokens.Check.INSUFFICIENT_SCOPE) {
            return Optional.of(ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .header(HttpHeaders.WWW_AUTHENTICATE,
                            "Bearer error=\"insufficient_scope\", scope=\"" + scope + "\"")
                    .body(new ApiError(403, "insufficient_scope", "The token lacks the scope " + scope)));
        }
        return Optional.empty();
    }

    private CxoneSandboxInvoice findInvoice(String billingPeriod) {
        YearMonth period;
        try {
            period = YearMonth.parse(billingPeriod == null ? "" : billingPeriod.trim());
        } catch (DateTimeParseException e) {
            throw CxoneApiException.badRequest("billingPeriod must be a month, yyyy-MM (e.g. 2026-10), was '"
                    + billingPeriod + "'");
        }
        return invoices.find(period).orElseThrow(() -> new CxoneApiException(404, "invoice_not_found",
                "No invoice for billing period " + period));
    }

    private JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            throw CxoneApiException.badRequest("The body must be a JSON object");
        }
        try {
            return objectMapper.readTree(body);
        } catch (JacksonException e) {
            throw CxoneApiException.badRequest("The body is not JSON: " + e.getOriginalMessage());
        }
    }

    /** The token request's fields from a JSON object or a form body; null when it is neither. */
    private Map<String, String> tokenFields(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        Map<String, String> fields = new HashMap<>();
        if (body.trim().startsWith("{")) {
            JsonNode node;
            try {
                node = objectMapper.readTree(body);
            } catch (JacksonException e) {
                return null;
            }
            node.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual()) {
                    fields.put(field.getKey(), field.getValue().asText());
                }
            });
            return fields;
        }
        for (String pair : body.trim().split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                try {
                    fields.put(URLDecoder.decode(pair.substring(0, equals), UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), UTF_8));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return fields.isEmpty() ? null : fields;
    }
}
