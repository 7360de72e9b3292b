package io.billinghub.sandbox.cxone;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth client-credentials tokens of the CXone sandbox, apart from the Genesys sandbox's: one accepted client,
 * random bearer tokens that expire after a ttl, each with the scopes it was granted.
 */
public final class CxoneTokens {

    public static final String READ_USAGE = "read:usage";
    public static final String READ_BILLING = "read:billing";
    public static final String READ_REPORTS = "read:reports";
    /** Scopes the tenant's client may have, in the order granted when none are asked for. */
    public static final List<String> SCOPES = List.of(READ_USAGE, READ_BILLING, READ_REPORTS);

    public enum Check { VALID, INVALID, INSUFFICIENT_SCOPE }

    public record IssuedToken(String accessToken, long expiresInSeconds, String scope) {
        /** The token is a secret: keep it out of logs. */
        @Override
        public String toString() {
            return "IssuedToken[expiresInSeconds=" + expiresInSeconds + ", scope=" + scope + "]";
        }
    }

    private record Grant(Instant expiry, Set<String> scopes) {
    }

    private final String clientId;
    private final String clientSecret;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    public CxoneTokens(String clientId, String clientSecret, Duration ttl, Clock clock) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.ttl = ttl;
        this.clock = clock;
    }

    public boolean authenticates(String id, String secret) {
        return constantTimeEquals(clientId, id) && constantTimeEquals(clientSecret, secret);
    }

    /**
     * The scopes a space-separated scope request grants: all of {@link #SCOPES} when blank, else exactly those
     * asked for; empty when it asks for a scope the client cannot have.
     */
    public static Optional<List<String>> grantable(String scope) {
        if (scope == null || scope.isBlank()) {
            return Optional.of(SCOPES);
        }
        List<String> asked = new ArrayList<>(new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+"))));
        return SCOPES.containsAll(asked) ? Optional.of(List.copyOf(asked)) : Optional.empty();
    }

    /** A new token for the configured client and the given scopes; empty when the id or secret is wrong. */
    public Optional<IssuedToken> issue(String id, String secret, List<String> scopes) {
        if (!authenticates(id, secret)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        grants.values().removeIf(grant -> !now.isBefore(grant.expiry()));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        grants.put(token, new Grant(now.plus(ttl), Set.copyOf(scopes)));
        return Optional.of(new IssuedToken(token, ttl.toSeconds(), String.join(" ", scopes)));
    }

    /** Whether the token was issued here, has not expired (valid strictly before issue + ttl) and has the scope. */
    public Check check(String token, String requiredScope) {
        Grant grant = token == null ? null : grants.get(token);
        if (grant == null || !clock.instant().isBefore(grant.expiry())) {
            return Check.INVALID;
        }
        return grant.scopes().contains(requiredScope) ? Check.VALID : Check.INSUFFICIENT_SCOPE;
    }

    /** Forgets every issued token. */
    public void reset() {
        grants.clear();
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(UTF_8), given.getBytes(UTF_8));
    }
}
