package io.billinghub.platform.http;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Steps of the shared vendor API call (routes/vendor-api.camel.yaml). The calling step sets the request (method,
 * URI, body) and these exchange properties: {@link #CLIENT} (the tenant's OAuth client), {@link #BUDGET_KEY} and
 * {@link #BUDGET} (requests per second for that key), and hubHttpCall (what the call is, for messages).
 */
@Component("vendorApi")
public class VendorApiSteps {

    public static final String CLIENT = "hubApiClient";
    public static final String BUDGET_KEY = "hubApiBudgetKey";
    public static final String BUDGET = "hubApiBudget";
    public static final String CALL = "hubHttpCall";
    /** Set through {@link #acceptNotFound} where 404 is an answer (an invoice not issued yet), not a failure. */
    static final String NOT_FOUND_IS_ANSWER = "hubHttpNotFoundIsAnswer";

    private final OAuthTokens tokens;
    private final HttpCallSteps http;
    private final RequestBudgets budgets;

    public VendorApiSteps(OAuthTokens tokens, HttpCallSteps http, RequestBudgets budgets) {
        this.tokens = tokens;
        this.http = http;
        this.budgets = budgets;
    }

    /** Sets the caller's request up for one vendor call. */
    public static void prepare(Exchange exchange, OAuthClient client, int requestsPerSecond, String method,
                               String uri, String jsonBody, String description) {
        exchange.setProperty(CLIENT, client);
        exchange.setProperty(BUDGET_KEY, client.cacheKey());
        exchange.setProperty(BUDGET, requestsPerSecond);
        exchange.setProperty(CALL, description);
        exchange.removeProperty(NOT_FOUND_IS_ANSWER);
        HttpCallSteps.freshCall(exchange);
        // a fresh call: nothing of the previous answer, and the retry budget starts again (Camel counts retries in
        // a header, which would otherwise carry over from call to call of a polling or paging loop)
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setHeader(Exchange.HTTP_METHOD, method);
        exchange.getIn().setHeader(Exchange.HTTP_URI, uri);
        exchange.getIn().setHeader("Accept", "application/json");
        if (jsonBody != null) {
            exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
        }
        exchange.getIn().setBody(jsonBody);
    }

    /** After {@link #prepare}: a 404 answer is handed to the caller instead of failing the call. */
    public static void acceptNotFound(Exchange exchange) {
        exchange.setProperty(NOT_FOUND_IS_ANSWER, true);
    }

    /** Waits for the tenant's request budget; runs again on every retry, so a retried call is paced too. */
    public void throttle(Exchange exchange) throws InterruptedException {
        budgets.acquire(exchange.getProperty(BUDGET_KEY, String.class), exchange.getProperty(BUDGET, Integer.class));
    }

    /** Adds a valid bearer token (fetched or renewed when needed); runs again on every retry. */
    public void authorize(Exchange exchange) {
        OAuthClient client = exchange.getProperty(CLIENT, OAuthClient.class);
        try {
            exchange.getIn().setHeader("Authorization", "Bearer " + tokens.accessToken(client));
        } catch (UnauthorizedException e) {
            // the token endpoint refused the client: retried once too (a vault secret is resolved again)
            HttpCallSteps.countUnauthorized(exchange);
            throw e;
        }
    }

    /**
     * Classifies the answer; a refused token is forgotten so the retry fetches a fresh one. Rate-limit headers on
     * the answer (Genesys Cloud's) pace the tenant's next requests.
     */
    public void check(Exchange exchange) {
        budgets.pause(exchange.getProperty(BUDGET_KEY, String.class), RateLimitHeaders.pause(
                exchange.getIn().getHeader(RateLimitHeaders.ALLOWED, String.class),
                exchange.getIn().getHeader(RateLimitHeaders.COUNT, String.class),
                exchange.getIn().getHeader(RateLimitHeaders.RESET, String.class)));
        try {
            if (exchange.getProperty(NOT_FOUND_IS_ANSWER, false, Boolean.class)
                    && Integer.valueOf(404).equals(exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE))) {
                return;
            }
            http.check(exchange);
        } catch (UnauthorizedException e) {
            tokens.invalidate(exchange.getProperty(CLIENT, OAuthClient.class).cacheKey());
            throw e;
        } finally {
            exchange.getIn().removeHeader("Authorization");
        }
    }
}
