package io.billinghub.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.platform.http.HttpStatusPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * OAuth client-credentials tokens per tenant, cached until shortly before they expire and dropped on a 401, so a
 * long extraction renews its token instead of failing half way. Credentials travel only in the token request.
 */
@Component
public class OAuthTokens {

    /** Renew this long before the token's stated expiry, so a request never leaves with a dying token. */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    private record Token(String value, Instant expiresAt) {
    }

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpStatusPolicy statusPolicy;
    private final Duration timeout;

    public OAuthTokens(ObjectMapper json, Clock clock,
                       @Value("${hub.http.connect-timeout-ms}") long connectTimeoutMs,
                       @Value("${hub.http.response-timeout-ms}") long responseTimeoutMs,
                       @Value("${hub.http.max-retry-after-seconds}") long maxRetryAfterSeconds) {
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(connectTimeoutMs)).build();
        this.timeout = Duration.ofMillis(responseTimeoutMs);
        this.statusPolicy = new HttpStatusPolicy(Duration.ofSeconds(maxRetryAfterSeconds), clock);
    }

    /** A valid access token for the tenant, requesting a new one when none is cached or it is about to expire. */
    public String accessToken(TelephonyProperties.Tenant tenant) {
        Token token = tokens.get(tenant.id());
        if (token == null || !clock.instant().plus(EXPIRY_MARGIN).isBefore(token.expiresAt())) {
            token = request(tenant);
            tokens.put(tenant.id(), token);
        }
        return token.value();
    }

    /** Forgets the tenant's token after the API refused it. */
    public void invalidate(String tenantId) {
        tokens.remove(tenantId);
    }

    private Token request(TelephonyProperties.Tenant tenant) {
        String basic = Base64.getEncoder().encodeToString(
                (tenant.clientId() + ":" + tenant.clientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tenant.tokenUrl()))
                .timeout(timeout)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("token request for tenant " + tenant.id() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while requesting a token", e);
        }
        statusPolicy.check("token endpoint of tenant " + tenant.id(), response.statusCode(),
                response.headers().firstValue("Retry-After").orElse(null), null);
        try {
            JsonNode body = json.readTree(response.body());
            String value = body.path("access_token").asText(null);
            long expiresIn = body.path("expires_in").asLong(0);
            if (value == null || expiresIn <= 0) {
                throw new IllegalStateException("token endpoint of tenant " + tenant.id()
                        + " answered without access_token/expires_in");
            }
            return new Token(value, clock.instant().plusSeconds(expiresIn));
        } catch (IOException e) {
            throw new IllegalStateException("token endpoint of tenant " + tenant.id() + " answered non-JSON", e);
        }
    }
}
