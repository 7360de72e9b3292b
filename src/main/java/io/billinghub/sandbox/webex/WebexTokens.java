package io.billinghub.sandbox.webex;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.billinghub.sandbox.SandboxTokens;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;

/**
 * Access tokens of the Webex sandbox, issued as Webex issues them to an integration: grant_type refresh_token with
 * the integration's client id and secret and its refresh token. One integration and one refresh token are accepted;
 * the access tokens themselves are the sandbox's usual random tokens ({@link SandboxTokens}), valid strictly before
 * issue + ttl.
 */
public final class WebexTokens {

    /** What Webex says of a refresh token's lifetime (90 days); the sandbox's never expires. */
    public static final long REFRESH_TOKEN_EXPIRES_IN = Duration.ofDays(90).toSeconds();

    private final SandboxTokens accessTokens;
    private final String refreshToken;

    public WebexTokens(String clientId, String clientSecret, String refreshToken, Duration ttl, Clock clock) {
        this.accessTokens = new SandboxTokens(clientId, clientSecret, ttl, clock);
        this.refreshToken = refreshToken;
    }

    public String refreshToken() {
        return refreshToken;
    }

    /**
     * A new access token for the form fields of a token request, checked in this order: the grant type, the
     * refresh token, the client.
     *
     * @throws WebexApiException 400 for another grant type or a wrong refresh token, 401 for a wrong client
     */
    public SandboxTokens.IssuedToken refresh(String grantType, String clientId, String clientSecret,
                                             String givenRefreshToken) {
        if (!"refresh_token".equals(grantType)) {
            throw WebexApiException.badRequest("grant_type must be refresh_token, was '" + grantType + "'");
        }
        if (givenRefreshToken == null
                || !MessageDigest.isEqual(refreshToken.getBytes(UTF_8), givenRefreshToken.getBytes(UTF_8))) {
            throw WebexApiException.badRequest("The refresh_token is invalid or was revoked");
        }
        return accessTokens.issue(clientId, clientSecret)
                .orElseThrow(() -> new WebexApiException(401, "Unknown client_id or wrong client_secret"));
    }

    /** Whether the token was issued here and has not expired. */
    public boolean valid(String token) {
        return accessTokens.isValid(token);
    }

    /** Forgets every issued token. */
    public void reset() {
        accessTokens.reset();
    }
}
