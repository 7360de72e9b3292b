package io.billinghub.extraction.webex;

import io.billinghub.platform.http.HttpStatusPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Downloads a report from its tempDownloadURL as a stream handed to the reader, never as one string in memory. The
 * link is pre-signed: no bearer token goes with it (it would leak to the CDN). A link refused as expired or
 * forbidden (403, 410) is reported as such, so the caller fetches the report again for a fresh one; other failures
 * raise what the shared retry policies act on (5xx and I/O errors are retried).
 */
@Component
public class WebexReportDownloader {

    /** What the download did. */
    public enum Outcome {
        READ,
        LINK_EXPIRED
    }

    /** Reads the report body; runs while the connection is open. */
    @FunctionalInterface
    public interface BodyReader {
        void read(Reader body) throws IOException;
    }

    private final HttpClient http;
    private final HttpStatusPolicy policy;
    private final Duration timeout;

    public WebexReportDownloader(Clock clock, @Value("${hub.http.connect-timeout-ms}") long connectTimeoutMs,
                                 @Value("${hub.http.response-timeout-ms}") long responseTimeoutMs,
                                 @Value("${hub.http.max-retry-after-seconds}") long maxRetryAfterSeconds) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(connectTimeoutMs))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = Duration.ofMillis(responseTimeoutMs);
        this.policy = new HttpStatusPolicy(Duration.ofSeconds(maxRetryAfterSeconds), clock);
    }

    public Outcome download(String url, String what, BodyReader reader) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "text/csv").GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 403 || status == 410) {
                return Outcome.LINK_EXPIRED;
            }
            if (status < 200 || status >= 300) {
                policy.check(what, status, response.headers().firstValue("Retry-After").orElse(null),
                        new String(body.readNBytes(300), StandardCharsets.UTF_8));
            }
            reader.read(WebexReportCsv.reader(body));
            return Outcome.READ;
        }
    }
}
