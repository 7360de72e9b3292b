package io.billinghub.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** OAuth client-credentials tokens of the sandbox: one accepted client, random tokens that expire. */
public final class SandboxTokens {

    public record IssuedToken(String accessToken, long expiresInSeconds) {
        /** The token is a secret: keep it out of logs. */
        @Override
        public String toString() {
            return "IssuedToken[expiresInSeconds=" + expiresInSeconds + "]";
        }
    }

    private final String clientId;
    private final String clientSecret;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    public SandboxTokens(String clientId, String clientSecret, Duration ttl, Clock clock) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A new token for the configured client; empty when the id or secret is wrong. */
    public Optional<IssuedToken> issue(String id, String secret) {
        if (!constantTimeEquals(clientId, id) || !constantTimeEquals(clientSecret, secret)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        // Drop expired tokens here so a long demo run does not accumulate them.
        expiries.values().removeIf(expiry -> !now.isBefore(expiry));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiries.put(token, now.plus(ttl));
        return Optional.of(new IssuedToken(token, ttl.toSeconds()));
    }

    /** Whether the token was issued here and has not expired (it is valid strictly before issue time + ttl). */
    public boolean isValid(String token) {
        if (token == null) {
            return false;
        }
        Instant expiry = expiries.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    /** Forgets every issued token. */
    public void reset() {
        expiries.clear();
    }

    static boolean constantTimeEquals(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(UTF_8), given.getBytes(UTF_8));
    }
}
