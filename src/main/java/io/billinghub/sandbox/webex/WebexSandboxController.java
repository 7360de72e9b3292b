package io.billinghub.sandbox.webex;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.sandbox.Bearer;
import io.billinghub.sandbox.SandboxTokens;
import io.billinghub.sandbox.TruncatedJson;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Import;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Webex Wholesale billing reports as the published API describes them (create, poll, list, delete), the Webex token
 * endpoint (refresh_token grant) and the pre-signed CSV downloads a report's tempDownloadURL points at. The report
 * endpoints go through {@link WebexSandboxFaults} first, then the bearer token check; the token endpoint and the
 * downloads (a CDN link, no token) have no 429/423 faults. The logic is in the plain classes of {@link WebexSandbox}.
 */
@RestController
@RequestMapping(WebexSandboxController.ROOT)
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
// Brings its beans along when a @WebMvcTest slice picks this controller up without the configuration.
@Import(WebexSandboxConfiguration.class)
class WebexSandboxController {

    static final String ROOT = "/sandbox/webex";
    static final String REPORTS = "/v1/wholesale/billing/reports";
    static final String DOWNLOADS = "/downloads";

    private static final MediaType CSV = new MediaType("text", "csv", UTF_8);

    private final WebexSandbox sandbox;
    private final ObjectMapper json;

    WebexSandboxController(WebexSandbox sandbox, ObjectMapper json) {
        this.sandbox = sandbox;
        this.json = json;
    }

    /** The form body of Webex's token endpoint: grant_type=refresh_token, client_id, client_secret, refresh_token. */
    @PostMapping(path = "/v1/access_token", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<WebexJson.Token> token(@RequestParam MultiValueMap<String, String> form) {
        WebexTokens tokens = sandbox.tokens();
        SandboxTokens.IssuedToken issued = tokens.refresh(form.getFirst("grant_type"), form.getFirst("client_id"),
                form.getFirst("client_secret"), form.getFirst("refresh_token"));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new WebexJson.Token(
                issued.accessToken(), issued.expiresInSeconds(), tokens.refreshToken(),
                WebexTokens.REFRESH_TOKEN_EXPIRES_IN, "Bearer"));
    }

    // The body arrives as text and is checked by the plain classes, so every request is counted and answered alike.
    @PostMapping(path = REPORTS, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<WebexJson.ReportId> create(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        gate(authorization);
        WebexReportStore reports = sandbox.reports();
        WebexReportStore.Created created = reports.create(WebexReportRequest.parse(body, reports.today()));
        return (created.accepted() ? ResponseEntity.accepted() : ResponseEntity.ok())
                .body(WebexJson.ReportId.of(created.report()));
    }

    @GetMapping(path = REPORTS, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> list(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(required = false) String billingStartDate,
            @RequestParam(required = false) String billingEndDate,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String subPartnerOrgId,
            @RequestParam(required = false) String sortBy,
            @RequestParam(required = false) String max,
            @RequestParam(required = false) String cursor) {
        gate(authorization);
        WebexListQuery query = WebexListQuery.parse(billingStartDate, billingEndDate, type, status, subPartnerOrgId,
                sortBy, max, cursor);
        WebexReportStore.Page page = sandbox.reports().list(query);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (page.nextCursor() != null) {
            answer.header(HttpHeaders.LINK, query.nextLink(ServletUriComponentsBuilder.fromCurrentRequestUri()
                    .toUriString(), page.nextCursor()));
        }
        WebexJson.ReportList items = new WebexJson.ReportList(page.items().stream().map(WebexJson.ListItem::of)
                .toList());
        return sandbox.faults().nextPageTruncated() ? TruncatedJson.of(json, items) : answer.body(items);
    }

    /** Each GET of a COMPLETED report signs a fresh tempDownloadURL. */
    @GetMapping(path = REPORTS + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<WebexJson.Report> get(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable String id) {
        gate(authorization);
        WebexReport report = sandbox.reports().get(id);
        String link = report.status() == WebexReportStatus.COMPLETED
                ? sandbox.links().link(ServletUriComponentsBuilder.fromCurrentContextPath().path(ROOT + DOWNLOADS)
                        .toUriString(), report.fileId())
                : null;
        return ResponseEntity.ok(WebexJson.Report.of(report, link));
    }

    @DeleteMapping(path = REPORTS + "/{id}")
    ResponseEntity<Void> delete(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable String id) {
        gate(authorization);
        sandbox.reports().delete(id);
        return ResponseEntity.noContent().build();
    }

    /**
     * The pre-signed download: no token. 503 every Nth download, 403 with CloudFront's XML for a bad or expired
     * signature, 404 once the report is deleted; else the CSV, written row by row as the client reads.
     */
    @GetMapping(path = DOWNLOADS + "/{file}.csv")
    ResponseEntity<StreamingResponseBody> download(@PathVariable String file,
            @RequestParam(name = "Expires", required = false) String expires,
            @RequestParam(name = "Signature", required = false) String signature,
            @RequestParam(name = "Key-Pair-Id", required = false) String keyPairId) {
        if (sandbox.faults().nextDownloadUnavailable()) {
            return xmlError(503, "ServiceUnavailable", "Service Unavailable");
        }
        WebexLinkSigner.Verdict verdict = sandbox.links().verify(file, expires, signature, keyPairId);
        if (sandbox.faults().nextDownloadExpired()) {
            verdict = WebexLinkSigner.Verdict.EXPIRED;
        }
        if (verdict != WebexLinkSigner.Verdict.VALID) {
            return xmlError(403, "AccessDenied",
                    verdict == WebexLinkSigner.Verdict.EXPIRED ? "Request has expired" : "Access denied");
        }
        return sandbox.reports().content(file)
                .map(content -> ResponseEntity.ok().contentType(CSV)
                        .header(HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment().filename(file + ".csv").build().toString())
                        .body(csv(content)))
                .orElseGet(() -> xmlError(404, "NoSuchKey", "The specified key does not exist."));
    }

    @ExceptionHandler(WebexApiException.class)
    ResponseEntity<WebexJson.Error> apiError(WebexApiException e) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON);
        if (e.retryAfterSeconds() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return answer.body(new WebexJson.Error(e.getMessage(), List.of(new WebexJson.Description(e.getMessage())),
                "WEBEX_SANDBOX_" + UUID.randomUUID()));
    }

    /** Faults first (a gateway in front of the API), then the bearer token. */
    private void gate(String authorization) {
        WebexSandboxFaults.Fault fault = sandbox.faults().nextApiRequest();
        long retryAfter = sandbox.properties().retryAfterSeconds();
        if (fault == WebexSandboxFaults.Fault.RATE_LIMITED) {
            throw WebexApiException.retryLater(429, "Too many requests; retry after " + retryAfter + " s", retryAfter);
        }
        if (fault == WebexSandboxFaults.Fault.LOCKED) {
            throw WebexApiException.retryLater(423, "The resource is temporarily locked; retry after " + retryAfter
                    + " s", retryAfter);
        }
        if (fault == WebexSandboxFaults.Fault.UNAVAILABLE) {
            throw new WebexApiException(503, "The service is temporarily unavailable");
        }
        if (!sandbox.tokens().valid(Bearer.token(authorization))) {
            throw new WebexApiException(401, "The request requires a valid access token set in the Authorization "
                    + "request header.");
        }
    }

    private static StreamingResponseBody csv(WebexReportStore.Content content) {
        return out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, UTF_8));
            WebexReportCsv.write(content.type(), content.rows(), writer);
            writer.flush();
        };
    }

    private static ResponseEntity<StreamingResponseBody> xmlError(int status, String code, String message) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>";
        return ResponseEntity.status(status).contentType(MediaType.TEXT_XML)
                .body(out -> out.write(xml.getBytes(UTF_8)));
    }
}
