package io.billinghub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.platform.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SandboxTokensTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-10-01T12:00:00Z"));
    private final SandboxTokens tokens = new SandboxTokens("client", "secret", Duration.ofSeconds(300), clock);

    @Test
    void issuesTokensOnlyForTheConfiguredClient() {
        assertThat(tokens.issue("client", "secret")).hasValueSatisfying(token -> {
            assertThat(token.expiresInSeconds()).isEqualTo(300);
            assertThat(tokens.isValid(token.accessToken())).isTrue();
        });
        assertThat(tokens.issue("client", "wrong")).isEmpty();
        assertThat(tokens.issue("other", "secret")).isEmpty();
        assertThat(tokens.issue(null, null)).isEmpty();
    }

    @Test
    void tokensAreRandom() {
        String first = tokens.issue("client", "secret").orElseThrow().accessToken();
        String second = tokens.issue("client", "secret").orElseThrow().accessToken();
        assertThat(first).isNotEqualTo(second).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void aTokenExpiresTtlSecondsAfterIssue() {
        String token = tokens.issue("client", "secret").orElseThrow().accessToken();
        // Issued 12:00:00 with ttl 300 s: valid up to 12:04:59.999, invalid from 12:05:00.
        clock.set(Instant.parse("2026-10-01T12:04:59.999Z"));
        assertThat(tokens.isValid(token)).isTrue();
        clock.set(Instant.parse("2026-10-01T12:05:00Z"));
        assertThat(tokens.isValid(token)).isFalse();
    }

    @Test
    void unknownAndForgottenTokensAreInvalid() {
        String token = tokens.issue("client", "secret").orElseThrow().accessToken();
        assertThat(tokens.isValid("not-a-token")).isFalse();
        assertThat(tokens.isValid(null)).isFalse();
        tokens.reset();
        assertThat(tokens.isValid(token)).isFalse();
    }

    @Test
    void theSecretIsNotInTheIssuedTokensText() {
        SandboxTokens.IssuedToken token = tokens.issue("client", "secret").orElseThrow();
        assertThat(token.toString()).doesNotContain(token.accessToken());
    }
}
