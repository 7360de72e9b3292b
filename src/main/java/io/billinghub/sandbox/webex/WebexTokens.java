package io.billinghub.sandbox.webex;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of the Webex sandbox, issued as Webex issues them to an integration: grant_type refresh_token with
 * the integration's client id and secret and its refresh token. One integration and one refresh token are accepted;
 * access tokens are random opaque strings valid strictly before issue + ttl.
 */
public final class WebexTokens {

    /** What Webex says of a refresh token's lifetime (90 days); the sandbox's never expires. */
    public static final long REFRESH_TOKEN_EXPIRES_IN = Duration.ofDays(90).toSeconds();

    /** An issued access token and its lifetime. */
    public record IssuedToken(String accessToken, long expiresInSeconds) {
        /** The token is a secret: keep it out of logs. */
        @Override
        public String toString() {
            return "IssuedToken[expiresInSeconds=" + expiresInSeconds + "]";
        }
    }

    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    public WebexTokens(String clientId, String clientSecret, String refreshToken, Duration ttl, Clock clock) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
        this.ttl = ttl;
        this.clock = clock;
    }

    public String refreshToken() {
        return refreshToken;
    }

    /**
     * A new access token for the form fields of a token request.
     *
     * @throws WebexApiException 400 for another grant type or a wrong refresh token, 401 for a wrong client
     */
    public IssuedToken refresh(String grantType, String id, String secret, String givenRefreshToken) {
        if (!"refresh_token".equals(grantType)) {
            throw WebexApiException.badRequest("grant_type must be refresh_token, was '" + grantType + "'");
        }
        if (!constantTimeEquals(clientId, id) || !constantTimeEquals(clientSecret, secret)) {
            throw new WebexApiException(401, "Unknown client_id or wrong client_secret");
        }
        if (!constantTimeEquals(refreshToken, givenRefreshToken)) {
            throw WebexApiException.badRequest("The refresh_token is invalid or was revoked");
        }
        Instant now = clock.instant();
        expiries.values().removeIf(expiry -> !now.isBefore(expiry));
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiries.put(token, now.plus(ttl));
        return new IssuedToken(token, ttl.toSeconds());
    }

    /** Whether the token was issued here and has not expired. */
    public boolean valid(String token) {
        Instant expiry = token == null ? null : expiries.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    /** Forgets every issued token. */
    public void reset() {
        expiries.clear();
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(UTF_8), given.getBytes(UTF_8));
    }
}
