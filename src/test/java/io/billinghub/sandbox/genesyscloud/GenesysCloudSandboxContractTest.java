package io.billinghub.sandbox.genesyscloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.support.HubIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sandbox's analytics jobs answers against Genesys's published definitions of the operations the hub uses
 * (src/test/resources/contracts/genesys-analytics-details-jobs.openapi.json, transcribed from the SDK's generated
 * model documentation: see its description), checked by Atlassian's swagger-request-validator: the job request the
 * connector sends, the availability, a job's status through QUEUED, PENDING and FULFILLED, every results page of the
 * fixture's 15 October (8 conversations, pages of 3), and the error bodies (404, 429). The schemas are closed: a
 * field Genesys does not publish fails. The last test shows the validator refuses an unpublished field and a state
 * outside the published enum, so the others cannot pass vacuously.
 */
class GenesysCloudSandboxContractTest extends HubIntegrationTest {

    private static final String SPEC = spec();
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(SPEC)
            // Genesys serves the API at https://api.{environment}; the sandbox under /sandbox/genesys
            .withBasePathOverride("/sandbox/genesys")
            .build();
    private static final String JOBS = "/sandbox/genesys/api/v2/analytics/conversations/details/jobs";
    /** The body GenesysJobSteps.prepareSubmit sends for a whole day. */
    private static final String QUERY = """
            {"interval":"2026-10-15T00:00:00Z/2026-10-16T00:00:00Z","order":"asc","orderBy":"conversationStart",
             "segmentFilters":[{"type":"and","predicates":[{"type":"dimension","dimension":"mediaType",
             "operator":"matches","value":"voice"}]}]}""";

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @Autowired
    private GenesysJobs jobs;

    @BeforeEach
    void noFaults() {
        jobs.reset();
        token = sandboxTokens.issue("sandbox-client", "sandbox-secret").orElseThrow().accessToken();
    }

    @Test
    void aJobIsSubmittedPolledAndPagedAsGenesysPublishesIt() throws Exception {
        assertThat(VALIDATOR.validateRequest(SimpleRequest.Builder.post(JOBS).withContentType("application/json")
                .withBody(QUERY).build()).getMessages()).isEmpty();
        HttpResponse<String> availability = call("GET", JOBS + "/availability", null);
        String jobId = json.readTree(call("POST", JOBS, QUERY).body()).path("jobId").asText();
        List<String> states = new ArrayList<>();
        for (int poll = 0; poll < 3; poll++) {
            states.add(json.readTree(call("GET", JOBS + "/" + jobId, null).body()).path("state").asText());
        }
        int conversations = 0;
        int pages = 0;
        String cursor = null;
        do {
            JsonNode page = json.readTree(call("GET", JOBS + "/" + jobId + "/results?pageSize=3"
                    + (cursor == null ? "" : "&cursor=" + cursor), null).body());
            conversations += page.path("conversations").size();
            pages++;
            cursor = page.path("cursor").isTextual() ? page.path("cursor").asText() : null;
        } while (cursor != null);

        assertThat(json.readTree(availability.body()).path("dataAvailabilityDate").asText())
                .isEqualTo("2026-11-09T23:00:00.000Z");
        // pending-polls 2: QUEUED, PENDING, then FULFILLED
        assertThat(states).containsExactly("QUEUED", "PENDING", "FULFILLED");
        // the fixture's 8 conversations of 15 October in pages of 3, 3 and 2
        assertThat(List.of(conversations, pages)).containsExactly(8, 3);
    }

    @Test
    void errorsAnswerInGenesysErrorBody() throws Exception {
        HttpResponse<String> unknown = call("GET", JOBS + "/no-such-job", null);
        sandboxFaults.usage().storm().arm(1);
        HttpResponse<String> limited = once("GET", JOBS + "/availability", null);

        assertThat(List.of(unknown.statusCode(), limited.statusCode())).containsExactly(404, 429);
        assertThat(json.readTree(limited.body()).path("code").asText()).isEqualTo("too.many.requests.retry.after");
    }

    @Test
    void theValidatorRefusesWhatGenesysDoesNotPublish() throws Exception {
        ValidationReport extraField = VALIDATOR.validateResponse(JOBS + "/j1", Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType("application/json")
                        .withBody("{\"state\":\"FULFILLED\",\"progress\":100}").build());
        ValidationReport unknownState = VALIDATOR.validateResponse(JOBS + "/j1", Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType("application/json")
                        .withBody("{\"state\":\"RUNNING\"}").build());
        ValidationReport noInterval = VALIDATOR.validateRequest(SimpleRequest.Builder.post(JOBS)
                .withContentType("application/json").withBody("{\"order\":\"asc\"}").build());

        assertThat(keys(extraField)).contains("validation.response.body.schema.additionalProperties");
        assertThat(keys(unknownState)).contains("validation.response.body.schema.enum");
        assertThat(keys(noInterval)).contains("validation.request.body.schema.required");
    }

    /**
     * Sends the request and validates the answer (status, body) against the published operation; the shared
     * context's injected 429s (every 4th request) and 503s (every 7th) are validated too, and the request is sent
     * again, as the hub would.
     */
    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpResponse<String> answer = once(method, path, body);
        while (answer.statusCode() == 429 || answer.statusCode() == 503) {
            answer = once(method, path, body);
        }
        return answer;
    }

    private HttpResponse<String> once(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String operationPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.statusCode())
                .withContentType(answer.headers().firstValue("Content-Type").orElse("application/json"))
                .withBody(answer.body());
        ValidationReport report = VALIDATOR.validateResponse(operationPath,
                Request.Method.valueOf(method), response.build());
        assertThat(report.getMessages()).as(method + " " + path + " -> " + answer.statusCode() + " " + answer.body())
                .isEmpty();
        return answer;
    }

    private static Set<String> keys(ValidationReport report) {
        return report.getMessages().stream().map(ValidationReport.Message::getKey).collect(Collectors.toSet());
    }

    private static String spec() {
        try (InputStream in = GenesysCloudSandboxContractTest.class
                .getResourceAsStream("/contracts/genesys-analytics-details-jobs.openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
