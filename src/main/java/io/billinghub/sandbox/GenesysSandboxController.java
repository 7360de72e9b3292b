package io.billinghub.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Import;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vendor's telephony usage API as the design document describes it: OAuth client credentials and the paged
 * {@code /api/v2/telephony/usage} endpoint, with the faults real APIs show (429, 503, a repeated page, expiring
 * tokens, a page cut short).
 */
@RestController
@RequestMapping("/sandbox/genesys")
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
// Brings its beans along when a @WebMvcTest slice picks this controller up without the configuration.
@Import(SandboxConfiguration.class)
class GenesysSandboxController {

    /** Usage API errors, in the vendor's error shape. */
    record ApiError(int status, String code, String message) {
    }

    /** OAuth errors, in the RFC 6749 shape. */
    record OAuthError(String error, @JsonProperty("error_description") String errorDescription) {
    }

    record TokenResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn) {
    }

    private final SandboxProperties properties;
    private final TelephonyDataset dataset;
    private final SandboxFaults faults;
    private final SandboxTokens tokens;
    private final ObjectMapper json;

    GenesysSandboxController(SandboxProperties properties, TelephonyDataset dataset, SandboxFaults faults,
                             SandboxTokens tokens, ObjectMapper json) {
        this.properties = properties;
        this.dataset = dataset;
        this.faults = faults;
        this.tokens = tokens;
        this.json = json;
    }

    @PostMapping(path = "/oauth/token", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> token(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(name = "grant_type", required = false) String grantType) {
        Optional<SandboxTokens.IssuedToken> issued = basicCredentials(authorization)
                .flatMap(credentials -> tokens.issue(credentials[0], credentials[1]));
        if (issued.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"sandbox\"")
                    .body(new OAuthError("invalid_client", "Unknown client or wrong secret"));
        }
        if (!"client_credentials".equals(grantType)) {
            return ResponseEntity.badRequest()
                    .body(new OAuthError("unsupported_grant_type", "Only grant_type=client_credentials"));
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new TokenResponse(issued.get().accessToken(), "bearer", issued.get().expiresInSeconds()));
    }

    // Parameters arrive as text and are checked in UsageQuery, so every request reaches the fault counter.
    @GetMapping(path = "/api/v2/telephony/usage", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> usage(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(required = false) String timeRange,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String pageSize,
            @RequestParam(required = false) String callType,
            @RequestParam(required = false) String direction) {
        SandboxFaults.UsageFault fault = faults.nextUsageRequest();
        if (fault == SandboxFaults.UsageFault.RATE_LIMITED) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(properties.retryAfterSeconds()))
                    .body(new ApiError(429, "too.many.requests",
                            "Rate limit exceeded; retry after " + properties.retryAfterSeconds() + " s"));
        }
        if (fault == SandboxFaults.UsageFault.UNAVAILABLE) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(new ApiError(503, "service.unavailable", "The service is temporarily unavailable"));
        }
        if (!tokens.isValid(Bearer.token(authorization))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .body(new ApiError(401, "bad.credentials", "Missing, unknown or expired access token"));
        }
        UsageQuery query;
        try {
            query = UsageQuery.parse(timeRange, page, pageSize, callType, direction);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(new ApiError(400, "bad.request", e.getMessage()));
        }
        SandboxPage<?> answer = SandboxPage.of(
                dataset.find(query.from(), query.to(), query.callType(), query.direction()),
                query.pageNumber(), query.pageSize(), properties.duplicatePage());
        return faults.nextPageTruncated() ? TruncatedJson.of(json, answer) : ResponseEntity.ok(answer);
    }

    /** {id, secret} from "Basic base64(id:secret)", or empty when the header is missing or malformed. */
    static Optional<String[]> basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0
                ? Optional.empty()
                : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    }
}
