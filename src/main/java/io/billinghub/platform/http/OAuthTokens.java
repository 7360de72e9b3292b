package io.billinghub.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.platform.SecretResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * OAuth access tokens (client credentials, refresh token or password grant) per vendor tenant, cached until shortly
 * before they expire and dropped on a 401, so a long extraction renews its token instead of failing half way.
 * Credentials are resolved (vault placeholders included) at each token request and travel only in it.
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
    private final SecretResolver secrets;

    public OAuthTokens(ObjectMapper json, Clock clock, SecretResolver secrets,
                       @Value("${hub.http.connect-timeout-ms}") long connectTimeoutMs,
                       @Value("${hub.http.response-timeout-ms}") long responseTimeoutMs,
                       @Value("${hub.http.max-retry-after-seconds}") long maxRetryAfterSeconds) {
        this.json = json;
        this.clock = clock;
        this.secrets = secrets;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(connectTimeoutMs)).build();
        this.timeout = Duration.ofMillis(responseTimeoutMs);
        this.statusPolicy = new HttpStatusPolicy(Duration.ofSeconds(maxRetryAfterSeconds), clock);
    }

    /** A valid access token for the client, requesting a new one when none is cached or it is about to expire. */
    public String accessToken(OAuthClient client) {
        Token token = tokens.get(client.cacheKey());
        if (token == null || !clock.instant().plus(EXPIRY_MARGIN).isBefore(token.expiresAt())) {
            token = request(client);
            tokens.put(client.cacheKey(), token);
        }
        return token.value();
    }

    /** Forgets the client's token after the API refused it. */
    public void invalidate(String cacheKey) {
        tokens.remove(cacheKey);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String basic(String clientId, String clientSecret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
    }

    private Token request(OAuthClient client) {
        String clientId = secrets.resolve(client.clientId());
        String clientSecret = secrets.resolve(client.clientSecret());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(client.tokenUrl()))
                .timeout(timeout)
                .header("Accept", "application/json");
        if (client.style() == OAuthClient.Style.BASIC_FORM) {
            builder.header("Authorization", basic(clientId, clientSecret))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"));
        } else if (client.style() == OAuthClient.Style.PASSWORD_BASIC) {
            builder.header("Authorization", basic(clientId, clientSecret))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username="
                            + form(secrets.resolve(client.username())) + "&password="
                            + form(secrets.resolve(client.password()))));
        } else if (client.style() == OAuthClient.Style.REFRESH_TOKEN_FORM) {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=" + form(clientId)
                            + "&client_secret=" + form(clientSecret) + "&refresh_token="
                            + form(secrets.resolve(client.refreshToken()))));
        } else {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("grant_type", "client_credentials");
            if (client.scope() != null) {
                body.put("scope", client.scope());
            }
            body.put("client_id", clientId);
            body.put("client_secret", clientSecret);
            try {
                builder.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("token request of " + client.cacheKey() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while requesting a token", e);
        }
        statusPolicy.check("token endpoint of " + client.cacheKey(), response.statusCode(),
                response.headers().firstValue("Retry-After").orElse(null), null);
        try {
            JsonNode body = json.readTree(response.body());
            String value = body.path("access_token").asText(null);
            long expiresIn = body.path("expires_in").asLong(0);
            if (value == null || expiresIn <= 0) {
                throw new IllegalStateException("token endpoint of " + client.cacheKey()
                        + " answered without access_token/expires_in");
            }
            return new Token(value, clock.instant().plusSeconds(expiresIn));
        } catch (IOException e) {
            throw new IllegalStateException("token endpoint of " + client.cacheKey() + " answered non-JSON", e);
        }
    }
}
