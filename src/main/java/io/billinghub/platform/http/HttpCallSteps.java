package io.billinghub.platform.http;

import io.billinghub.platform.Secrets;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Route step after every outbound HTTP call (made with throwExceptionOnFailure=false): turns the status into the
 * exception the shared retry policies handle. For a 429 with Retry-After it sets CamelRedeliveryDelay, which
 * Camel's redelivery uses instead of its computed backoff for that attempt. A 401 is counted per call
 * ({@link #UNAUTHORIZED_ANSWERS}): the shared policy retries the first one only.
 */
@Component("httpCallSteps")
public class HttpCallSteps {

    /** The 401 answers of the current call; whoever sets a call up removes it ({@link #freshCall}). */
    public static final String UNAUTHORIZED_ANSWERS = "hubUnauthorizedAnswers";

    private final HttpStatusPolicy policy;

    public HttpCallSteps(@Value("${hub.http.max-retry-after-seconds}") long maxRetryAfterSeconds, Clock clock) {
        this.policy = new HttpStatusPolicy(Duration.ofSeconds(maxRetryAfterSeconds), clock);
    }

    public void check(Exchange exchange) {
        Integer header = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        int status = header == null ? 0 : header;
        String what = exchange.getProperty("hubHttpCall", "HTTP call", String.class);
        // the body goes only into a failure's message: scrubbing every page of a paged download cost more than
        // staging it
        String body = HttpStatusPolicy.succeeded(status) ? null
                : Secrets.scrub(exchange.getMessage().getBody(String.class));
        try {
            policy.check(what, status, exchange.getMessage().getHeader("Retry-After", String.class), body);
        } catch (RateLimitedException e) {
            if (e.retryAfter() != null) {
                exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, e.retryAfter().toMillis());
            }
            throw e;
        } catch (UnauthorizedException e) {
            countUnauthorized(exchange);
            throw e;
        }
    }

    /** Counts a 401 of the current call (the API's, or the token endpoint's). */
    public static void countUnauthorized(Exchange exchange) {
        exchange.setProperty(UNAUTHORIZED_ANSWERS, exchange.getProperty(UNAUTHORIZED_ANSWERS, 0, Integer.class) + 1);
    }

    /** A new call starts without the 401s of the previous one (a paging or polling loop makes many calls). */
    public static void freshCall(Exchange exchange) {
        exchange.removeProperty(UNAUTHORIZED_ANSWERS);
    }
}
