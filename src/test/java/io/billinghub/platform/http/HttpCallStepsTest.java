package io.billinghub.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The 401s of one call are counted, so the shared policy retries the first only, whatever came before it. */
class HttpCallStepsTest {

    private final HttpCallSteps steps = new HttpCallSteps(120, Clock.systemUTC());

    @Test
    void the401sOfACallAreCountedAndANewCallStartsAgain() {
        Exchange exchange = answered(401);

        assertThatThrownBy(() -> steps.check(exchange)).isInstanceOf(UnauthorizedException.class);
        assertThat(exchange.getProperty(HttpCallSteps.UNAUTHORIZED_ANSWERS)).isEqualTo(1);
        // a 429 in between (a retry of the same call) does not count
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 429);
        assertThatThrownBy(() -> steps.check(exchange)).isInstanceOf(RateLimitedException.class);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 401);
        assertThatThrownBy(() -> steps.check(exchange)).isInstanceOf(UnauthorizedException.class);
        assertThat(exchange.getProperty(HttpCallSteps.UNAUTHORIZED_ANSWERS)).isEqualTo(2);

        HttpCallSteps.freshCall(exchange);
        assertThat(exchange.getProperty(HttpCallSteps.UNAUTHORIZED_ANSWERS)).isNull();
    }

    private static Exchange answered(int status) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        return exchange;
    }
}
