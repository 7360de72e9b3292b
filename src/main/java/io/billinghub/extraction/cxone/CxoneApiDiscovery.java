package io.billinghub.extraction.cxone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The API host of a CXone tenant on NICE's published API, discovered once per tenant from
 * {@code GET {issuer}/.well-known/cxone-configuration?tenantId=} (no token needed) and cached: its
 * {@code api_endpoint}, or {@code https://api-{area}.{domain}} when only those are given (e.g.
 * https://api-na1.niceincontact.com).
 */
@Component
public class CxoneApiDiscovery {

    private final Map<String, String> endpoints = new ConcurrentHashMap<>();
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json;

    public CxoneApiDiscovery(ObjectMapper json, @Value("${hub.http.connect-timeout-ms}") long connectTimeoutMs,
                             @Value("${hub.http.response-timeout-ms}") long responseTimeoutMs) {
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(connectTimeoutMs)).build();
        this.timeout = Duration.ofMillis(responseTimeoutMs);
    }

    /** The tenant's API base URL, without a trailing slash. */
    public String apiEndpoint(CxoneProperties.Tenant tenant) {
        return endpoints.computeIfAbsent(tenant.id(), id -> discover(tenant));
    }

    /** Forgets every discovered host (a tenant moved, or a test starts afresh). */
    public void forget() {
        endpoints.clear();
    }

    private String discover(CxoneProperties.Tenant tenant) {
        String url = tenant.issuer() + "/.well-known/cxone-configuration?tenantId="
                + URLEncoder.encode(tenant.cxoneTenantId(), StandardCharsets.UTF_8);
        String what = "CXone API discovery of tenant " + tenant.id() + " at " + url;
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CxoneDiscoveryException(what + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CxoneDiscoveryException(what + " was interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new CxoneDiscoveryException(what + " answered HTTP " + response.statusCode()
                    + ": check issuer and cxone-tenant-id of the tenant");
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            throw new CxoneDiscoveryException(what + " answered non-JSON", e);
        }
        String endpoint = body.path("api_endpoint").asText("");
        if (endpoint.isBlank() && !body.path("area").asText("").isBlank()
                && !body.path("domain").asText("").isBlank()) {
            endpoint = "https://api-" + body.path("area").asText() + "." + body.path("domain").asText();
        }
        if (endpoint.isBlank()) {
            throw new CxoneDiscoveryException(what + " answered without api_endpoint (nor area and domain)");
        }
        return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    }

    /** The discovery failed: the tenant's API host is unknown, so nothing can be extracted. */
    public static final class CxoneDiscoveryException extends IllegalStateException {
        public CxoneDiscoveryException(String message, Throwable cause) {
            super(message, cause);
        }

        public CxoneDiscoveryException(String message) {
            super(message);
        }
    }
}
