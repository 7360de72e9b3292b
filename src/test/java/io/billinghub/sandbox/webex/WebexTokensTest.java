package io.billinghub.sandbox.webex;

import static io.billinghub.sandbox.webex.WebexTestSupport.T0;
import static io.billinghub.sandbox.webex.WebexTestSupport.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.platform.SettableClock;
import io.billinghub.sandbox.SandboxTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebexTokensTest {

    private final SettableClock clock = new SettableClock(T0);
    private final WebexTokens tokens = new WebexTokens("client", "secret", "refresh", Duration.ofSeconds(300), clock);

    @Test
    void aRefreshIssuesATokenValidForItsTtl() {
        SandboxTokens.IssuedToken issued = tokens.refresh("refresh_token", "client", "secret", "refresh");
        assertThat(issued.expiresInSeconds()).isEqualTo(300);
        assertThat(issued.accessToken()).matches("[A-Za-z0-9_-]{43}");
        assertThat(issued.toString()).doesNotContain(issued.accessToken());
        assertThat(tokens.valid(issued.accessToken())).isTrue();
        clock.advance(Duration.ofSeconds(299));
        assertThat(tokens.valid(issued.accessToken())).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.valid(issued.accessToken())).isFalse();
        // every refresh gives another token
        assertThat(tokens.refresh("refresh_token", "client", "secret", "refresh").accessToken())
                .isNotEqualTo(issued.accessToken());
    }

    @Test
    void refusesAnotherGrantClientOrRefreshToken() {
        assertApiError(() -> tokens.refresh("client_credentials", "client", "secret", "refresh"), 400,
                "grant_type must be refresh_token");
        assertApiError(() -> tokens.refresh("refresh_token", "client", "wrong", "refresh"), 401, "client_secret");
        assertApiError(() -> tokens.refresh("refresh_token", null, "secret", "refresh"), 401, "client_id");
        assertApiError(() -> tokens.refresh("refresh_token", "client", "secret", "stale"), 400, "refresh_token");
        // the refresh token is checked before the client
        assertApiError(() -> tokens.refresh("refresh_token", "client", "wrong", null), 400, "refresh_token");
    }

    @Test
    void unknownTokensAreInvalidAndResetForgetsAll() {
        assertThat(tokens.valid(null)).isFalse();
        assertThat(tokens.valid("made-up")).isFalse();
        String token = tokens.refresh("refresh_token", "client", "secret", "refresh").accessToken();
        tokens.reset();
        assertThat(tokens.valid(token)).isFalse();
    }
}
