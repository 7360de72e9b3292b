package io.billinghub.sandbox.cxone;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.billinghub.sandbox.Bearer;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The state of the published-API sandbox: the month's contacts, its tokens (the document sandbox's client, plus one
 * access key), its Data Extraction jobs, and the paging style, which a test may switch until {@link #reset()}.
 */
public final class CxonePublishedSandbox {

    /** Where the published API is served: the issuer and, as the discovery answers, the tenant's API host. */
    public static final String BASE = "/sandbox/cxone-published";

    /** The paging links of a published page (null when there is none). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Links(String self, String next, String previous) {
    }

    /** The published API's error body. */
    public record ApiError(String error, String message) {
    }

    private final CxonePublishedSandboxProperties properties;
    private final CxonePublishedContacts contacts;
    private final CxoneTokens tokens;
    private final CxoneDataExtractionJobs jobs;
    private volatile boolean linksNext;

    /** @param clientId the only OAuth client accepted (the document sandbox's), with its secret */
    public CxonePublishedSandbox(CxonePublishedSandboxProperties properties, String clientId, String clientSecret,
                                 CxoneMonth month, Clock clock) {
        this.properties = properties;
        this.contacts = new CxonePublishedContacts(month);
        this.tokens = new CxoneTokens(clientId, clientSecret, Duration.ofSeconds(properties.tokenTtlSeconds()), clock);
        this.linksNext = properties.linksNext();
        this.jobs = new CxoneDataExtractionJobs(properties.jobRunningPolls(),
                Duration.ofSeconds(properties.linkSeconds()), Duration.ofSeconds(properties.jobCallIntervalSeconds()),
                clock);
    }

    public CxoneDataExtractionJobs jobs() {
        return jobs;
    }

    public CxonePublishedSandboxProperties properties() {
        return properties;
    }

    public CxonePublishedContacts contacts() {
        return contacts;
    }

    /**
     * A token for a password grant: the client in the Basic header, the access key as username and password; empty
     * when the client is not known.
     *
     * @throws IllegalArgumentException when the client is known but the access key is wrong (invalid_grant)
     */
    public Optional<CxoneTokens.IssuedToken> issue(String basicHeader, String username, String password) {
        String[] client = basic(basicHeader);
        if (client == null || !tokens.authenticates(client[0], client[1])) {
            return Optional.empty();
        }
        if (!equal(properties.accessKeyId(), username) || !equal(properties.accessKeySecret(), password)) {
            throw new IllegalArgumentException("unknown access key or wrong secret");
        }
        return tokens.issue(client[0], client[1], List.of(CxoneTokens.READ_REPORTS));
    }

    public boolean valid(String token) {
        return tokens.check(token, CxoneTokens.READ_REPORTS) == CxoneTokens.Check.VALID;
    }

    /**
     * Why a request to the published API is refused, if it is: the faults first (a gateway in front of the API; its
     * 429 without Retry-After, as NICE's often is), then the bearer token.
     */
    public Optional<ResponseEntity<Object>> refusal(CxoneSandboxFaults faults, String authorization) {
        CxoneSandboxFaults.Fault fault = faults.nextRequest();
        if (fault == CxoneSandboxFaults.Fault.RATE_LIMITED) {
            return Optional.of(ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .body(new ApiError("too_many_requests", "Too many requests")));
        }
        if (fault == CxoneSandboxFaults.Fault.UNAVAILABLE) {
            return Optional.of(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(new ApiError("service_unavailable", "The service is temporarily unavailable")));
        }
        if (!valid(Bearer.token(authorization))) {
            return Optional.of(ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .body(new ApiError("invalid_token", "Missing, unknown or expired access token")));
        }
        return Optional.empty();
    }

    public boolean linksNext() {
        return linksNext;
    }

    /** A test hook: pages with or without {@code _links.next}, until {@link #reset()}. */
    public void linksNext(boolean withLinks) {
        this.linksNext = withLinks;
    }

    /** Restores the configured paging style and forgets the jobs; tokens stay valid (the hub caches its token). */
    public void reset() {
        linksNext = properties.linksNext();
        jobs.reset();
    }

    private static String[] basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean equal(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(UTF_8), given.getBytes(UTF_8));
    }
}
