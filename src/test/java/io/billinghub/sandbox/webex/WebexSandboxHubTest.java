package io.billinghub.sandbox.webex;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.support.HubIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sandbox as the hub serves it by default: the hub.embedded.sandbox.webex block of application.yml bound, the
 * controller on the hub's own web server. Reports are not polled to completion here, so the test does not depend
 * on the default dataset file. With the defaults (processing-polls 2, accepted-every 2, rate-limit-every 9), the
 * nine API requests below are answered 200, 202, IN_PROGRESS twice, two list pages, 204, 401 and 429.
 */
class WebexSandboxHubTest extends HubIntegrationTest {

    private static final String ROOT = "/sandbox/webex/v1";

    @Autowired
    private WebexSandbox sandbox;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
    }

    @Test
    void theDefaultSettingsAnswerOverHttp() throws Exception {
        WebexSandboxProperties settings = sandbox.properties();
        HttpResponse<String> token = send(HttpRequest.newBuilder(uri(ROOT + "/access_token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id="
                        + form(settings.clientId()) + "&client_secret=" + form(settings.clientSecret())
                        + "&refresh_token=" + form(settings.refreshToken()))));
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(json.readTree(token.body()).path("expires_in").asLong()).isEqualTo(300);
        String bearer = "Bearer " + json.readTree(token.body()).path("access_token").asText();

        String reports = ROOT + "/wholesale/billing/reports";
        HttpResponse<String> first = send(authorized(reports, bearer).POST(october("PARTNER")));
        assertThat(first.statusCode()).isEqualTo(200);
        HttpResponse<String> second = send(authorized(reports, bearer).POST(october("CUSTOMER")));
        assertThat(second.statusCode()).isEqualTo(202);
        String id = json.readTree(first.body()).path("id").asText();
        for (int poll = 0; poll < 2; poll++) {
            assertThat(json.readTree(send(authorized(reports + "/" + id, bearer).GET()).body()).path("status")
                    .asText()).isEqualTo("IN_PROGRESS");
        }

        HttpResponse<String> page1 = send(authorized(reports + "?max=1", bearer).GET());
        String link = page1.headers().firstValue("Link").orElseThrow();
        assertThat(link).startsWith("<http://localhost:" + HTTP_PORT + reports + "?max=1&cursor=")
                .endsWith(">; rel=\"next\"");
        HttpResponse<String> page2 = send(HttpRequest.newBuilder(URI.create(link.substring(1, link.indexOf('>'))))
                .header("Authorization", bearer).GET());
        assertThat(json.readTree(page2.body()).path("items")).hasSize(1);
        assertThat(page2.headers().firstValue("Link")).isEmpty();

        String secondId = json.readTree(second.body()).path("id").asText();
        assertThat(send(authorized(reports + "/" + secondId, bearer).DELETE()).statusCode()).isEqualTo(204);
        assertThat(send(HttpRequest.newBuilder(uri(reports)).GET()).statusCode()).isEqualTo(401);
        HttpResponse<String> ninth = send(authorized(reports, bearer).GET());
        assertThat(ninth.statusCode()).isEqualTo(429);
        assertThat(ninth.headers().firstValue("Retry-After")).hasValue("1");
        JsonNode error = json.readTree(ninth.body());
        assertThat(error.path("errors").get(0).path("description").asText()).startsWith("Too many requests");
    }

    private static HttpRequest.BodyPublisher october(String type) {
        return HttpRequest.BodyPublishers.ofString("{\"billingStartDate\": \"2026-10-01\", \"billingEndDate\": "
                + "\"2026-10-31\", \"type\": \"" + type + "\"}");
    }

    private static HttpRequest.Builder authorized(String path, String bearer) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", bearer)
                .header("Content-Type", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + HTTP_PORT + path);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, UTF_8);
    }
}
