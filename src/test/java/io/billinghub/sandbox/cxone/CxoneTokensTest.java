package io.billinghub.sandbox.cxone;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.platform.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CxoneTokensTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-06T15:00:00Z"));
    private final CxoneTokens tokens = new CxoneTokens("client", "secret", Duration.ofSeconds(120), clock);

    @Test
    void issuesTokensOnlyForTheConfiguredClient() {
        assertThat(tokens.issue("client", "secret", CxoneTokens.SCOPES)).hasValueSatisfying(token -> {
            assertThat(token.expiresInSeconds()).isEqualTo(120);
            assertThat(token.scope()).isEqualTo("read:usage read:billing read:reports");
            assertThat(token.accessToken()).matches("[A-Za-z0-9_-]{43}");
            assertThat(token.toString()).doesNotContain(token.accessToken());
        });
        assertThat(tokens.issue("client", "wrong", CxoneTokens.SCOPES)).isEmpty();
        assertThat(tokens.issue("other", "secret", CxoneTokens.SCOPES)).isEmpty();
        assertThat(tokens.issue(null, null, CxoneTokens.SCOPES)).isEmpty();
    }

    @Test
    void aTokenExpiresTtlSecondsAfterIssue() {
        String token = tokens.issue("client", "secret", CxoneTokens.SCOPES).orElseThrow().accessToken();
        // Issued 15:00:00 with ttl 120 s: valid up to 15:01:59.999, invalid from 15:02:00.
        clock.set(Instant.parse("2026-11-06T15:01:59.999Z"));
        assertThat(tokens.check(token, CxoneTokens.READ_USAGE)).isEqualTo(CxoneTokens.Check.VALID);
        clock.set(Instant.parse("2026-11-06T15:02:00Z"));
        assertThat(tokens.check(token, CxoneTokens.READ_USAGE)).isEqualTo(CxoneTokens.Check.INVALID);
    }

    @Test
    void scopesAreGrantedAsAskedAndChecked() {
        assertThat(CxoneTokens.grantable(null)).contains(CxoneTokens.SCOPES);
        assertThat(CxoneTokens.grantable(" ")).contains(CxoneTokens.SCOPES);
        assertThat(CxoneTokens.grantable("read:usage  read:usage read:reports"))
                .contains(List.of("read:usage", "read:reports"));
        assertThat(CxoneTokens.grantable("read:usage write:billing")).isEmpty();
        String usageOnly = tokens.issue("client", "secret", List.of("read:usage")).orElseThrow().accessToken();
        assertThat(tokens.check(usageOnly, CxoneTokens.READ_USAGE)).isEqualTo(CxoneTokens.Check.VALID);
        assertThat(tokens.check(usageOnly, CxoneTokens.READ_BILLING))
                .isEqualTo(CxoneTokens.Check.INSUFFICIENT_SCOPE);
    }

    @Test
    void unknownAndForgottenTokensAreInvalid() {
        String token = tokens.issue("client", "secret", CxoneTokens.SCOPES).orElseThrow().accessToken();
        assertThat(tokens.check("not-a-token", CxoneTokens.READ_USAGE)).isEqualTo(CxoneTokens.Check.INVALID);
        assertThat(tokens.check(null, CxoneTokens.READ_USAGE)).isEqualTo(CxoneTokens.Check.INVALID);
        tokens.reset();
        assertThat(tokens.check(token, CxoneTokens.READ_USAGE)).isEqualTo(CxoneTokens.Check.INVALID);
    }
}
