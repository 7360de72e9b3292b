package io.billinghub.sandbox.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.billinghub.extraction.org.OrgCursor;
import io.billinghub.extraction.org.OrgPage;
import io.billinghub.extraction.org.OrgRecord;
import io.billinghub.extraction.org.OrgRequest;
import io.billinghub.extraction.org.OrgResource;
import io.billinghub.extraction.org.OrgSnapshotAdapter;
import io.billinghub.platform.SettableClock;
import io.billinghub.sandbox.cxone.CxonePublishedSandbox;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Shared pieces of the organisation sandbox's MVC tests. */
final class OrgSandboxTestSupport {

    static final Instant T0 = Instant.parse("2026-11-06T15:00:00Z");
    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final Instant SNAPSHOT = Instant.parse("2026-11-01T00:00:00Z");

    private OrgSandboxTestSupport() {
    }

    /** A PUBLISHED CXone tenant's token: the password grant of the test client with the default access key. */
    static String publishedBearer(CxonePublishedSandbox published) {
        String client = "Basic " + Base64.getEncoder().encodeToString("test-client:test-secret"
                .getBytes(StandardCharsets.UTF_8));
        return "Bearer " + published.issue(client, "cxone-sandbox-access-key", "cxone-sandbox-access-secret")
                .orElseThrow().accessToken();
    }

    /** Replaces the hub's clock so tests move time by hand. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfig {
        @Bean
        @Primary
        SettableClock testClock() {
            return new SettableClock(T0);
        }
    }

    /**
     * Every record of a resource through the adapter's cursor, the way the hub's extraction drives it (GETs only);
     * every answer must be 200 or 204 and nothing may be rejected.
     */
    static List<OrgRecord> extractByCursor(MockMvc mvc, OrgSnapshotAdapter adapter, String baseUrl,
                                           OrgResource resource, Instant snapshot, int pageSize, String bearer)
            throws Exception {
        List<OrgRecord> records = new ArrayList<>();
        OrgCursor cursor = adapter.cursor(baseUrl, resource, OCTOBER, snapshot, pageSize);
        for (Optional<OrgRequest> request = cursor.next(); request.isPresent(); request = cursor.next()) {
            MockHttpServletResponse answer = mvc.perform(get(URI.create(request.get().uri()))
                    .header(HttpHeaders.AUTHORIZATION, bearer)).andReturn().getResponse();
            assertThat(answer.getStatus()).as(request.get().uri()).isIn(200, 204);
            OrgPage page = cursor.accept(answer.getStatus(), answer.getContentAsString());
            assertThat(page.rejected()).as(request.get().uri()).isEmpty();
            records.addAll(page.records());
        }
        return records;
    }

    /** Every record of a resource, page after page, the way the hub's extraction follows them. */
    static List<OrgRecord> extract(MockMvc mvc, OrgSnapshotAdapter adapter, String baseUrl, OrgResource resource,
                                   Instant snapshot, int pageSize, String bearer) throws Exception {
        List<OrgRecord> records = new ArrayList<>();
        Optional<String> uri = Optional.of(adapter.firstPage(baseUrl, resource, OCTOBER, snapshot, pageSize));
        for (int page = 1; uri.isPresent(); page++) {
            String body = mvc.perform(get(URI.create(uri.get())).header(HttpHeaders.AUTHORIZATION, bearer))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            OrgPage parsed = adapter.parse(baseUrl, resource, body, snapshot, pageSize, page);
            assertThat(parsed.rejected()).isEmpty();
            records.addAll(parsed.records());
            uri = parsed.nextUri();
        }
        return records;
    }
}
