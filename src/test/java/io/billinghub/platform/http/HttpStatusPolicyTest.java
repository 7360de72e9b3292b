package io.billinghub.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HttpStatusPolicyTest {

    // Sun, 01 Nov 2026 12:00:00 GMT
    private final HttpStatusPolicy policy = new HttpStatusPolicy(Duration.ofSeconds(120),
            Clock.fixed(Instant.parse("2026-11-01T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void successPasses() {
        assertThatCode(() -> policy.check("api", 200, null, "{}")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("api", 201, null, "{}")).doesNotThrowAnyException();
    }

    @Test
    void retryAfterIsReadInBothForms() {
        assertThat(policy.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        // 30 seconds after the clock
        assertThat(policy.retryAfter("Sun, 01 Nov 2026 12:00:30 GMT")).isEqualTo(Duration.ofSeconds(30));
        // a date in the past means "now"
        assertThat(policy.retryAfter("Sun, 01 Nov 2026 11:00:00 GMT")).isEqualTo(Duration.ZERO);
        // capped: a hostile value cannot stall a run
        assertThat(policy.retryAfter("86400")).isEqualTo(Duration.ofSeconds(120));
        // absent or unreadable: the route's exponential backoff applies
        assertThat(policy.retryAfter(null)).isNull();
        assertThat(policy.retryAfter("soon")).isNull();
    }

    @Test
    void statusesMapToTheRetryPolicies() {
        assertThatThrownBy(() -> policy.check("usage API", 429, "3", "slow down"))
                .isInstanceOf(RateLimitedException.class)
                .hasMessage("usage API answered HTTP 429: slow down")
                .extracting(e -> ((RateLimitedException) e).retryAfter()).isEqualTo(Duration.ofSeconds(3));
        // Webex answers 423 Locked with Retry-After when a resource is busy: the same wait as a 429
        assertThatThrownBy(() -> policy.check("report API", 423, "2", ""))
                .isInstanceOf(RateLimitedException.class)
                .extracting(e -> ((RateLimitedException) e).retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> policy.check("usage API", 401, null, "")).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> policy.check("usage API", 503, null, null)).isInstanceOf(TransientHttpException.class);
        assertThatThrownBy(() -> policy.check("usage API", 408, null, null)).isInstanceOf(TransientHttpException.class);
        assertThatThrownBy(() -> policy.check("usage API", 400, null, "bad timeRange"))
                .isInstanceOf(RequestRejectedException.class).hasMessageEndingWith("HTTP 400: bad timeRange");
    }

    @Test
    void aGenesysTooManyRequestsBodyNamesTheWaitWhenTheHeaderIsMissing() {
        String body = "{\"message\":\"Rate limit exceeded the maximum. Retry the request in [17] seconds\","
                + "\"code\":\"too.many.requests.retry.after\",\"status\":429}";
        assertThatThrownBy(() -> policy.check("analytics jobs", 429, null, body))
                .isInstanceOf(RateLimitedException.class)
                .extracting(e -> ((RateLimitedException) e).retryAfter()).isEqualTo(Duration.ofSeconds(17));
        // the header wins when both are given
        assertThatThrownBy(() -> policy.check("analytics jobs", 429, "4", body))
                .extracting(e -> ((RateLimitedException) e).retryAfter()).isEqualTo(Duration.ofSeconds(4));
        // capped like the header
        assertThat(policy.retryAfterInBody(body.replace("[17]", "[3600]"))).isEqualTo(Duration.ofSeconds(120));
        // another code, or no number: nothing to go by, the route backs off exponentially
        assertThat(policy.retryAfterInBody(body.replace("too.many.requests.retry.after", "too.many.requests")))
                .isNull();
        assertThat(policy.retryAfterInBody("{\"code\":\"too.many.requests.retry.after\"}")).isNull();
        assertThatThrownBy(() -> policy.check("CXone contacts", 429, null, ""))
                .extracting(e -> ((RateLimitedException) e).retryAfter()).isNull();
    }
}
