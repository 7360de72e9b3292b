package io.billinghub.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.exceptions.RejectedRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GenesysUsageAdapterTest {

    private final GenesysUsageAdapter adapter = new GenesysUsageAdapter(new ObjectMapper());

    @Test
    void mapsRecordsAndKeepsTheUnmappableOnesWithTheirPosition() {
        String page = """
                {"entities": [
                  {"callId": "c1", "legId": "l1", "startTime": "2026-10-01T14:22:10.000Z",
                   "endTime": "2026-10-01T14:25:45.000Z", "duration": 215, "billingDuration": 220,
                   "carrierName": "Bandwidth.com", "destinationNumber": "+14155550198", "callType": "voip",
                   "direction": "outbound", "callOutcome": "answered"},
                  {"callId": "c2", "startTime": "2026-10-01T15:00:00Z", "duration": 1, "billingDuration": 1},
                  {"callId": "c3", "legId": "l3", "startTime": "yesterday", "duration": 1, "billingDuration": 1},
                  {"callId": "c4", "legId": "l4", "startTime": "2026-10-01T15:00:00Z", "duration": 1,
                   "billingDuration": -5}
                ], "pageSize": 4, "pageNumber": 2, "total": 9, "pageCount": 3}""";

        UsagePage mapped = adapter.parse(page, "acme", 2);

        assertThat(mapped.pageNumber()).isEqualTo(2);
        assertThat(mapped.hasMore()).isTrue();
        assertThat(mapped.recordsIn()).isEqualTo(4);
        assertThat(mapped.legs()).singleElement().satisfies(leg -> {
            assertThat(leg.legId()).isEqualTo("l1");
            assertThat(leg.tenantId()).isEqualTo("acme");
            assertThat(leg.startTime()).isEqualTo(Instant.parse("2026-10-01T14:22:10Z"));
            assertThat(leg.durationSeconds()).isEqualTo(215);
            assertThat(leg.billingDurationSeconds()).isEqualTo(220);
            assertThat(leg.rawPayload()).contains("\"legId\":\"l1\"");
        });
        assertThat(mapped.rejected()).extracting(RejectedRecord::position, RejectedRecord::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("page 2 record 2", "legId is missing"),
                        org.assertj.core.groups.Tuple.tuple("page 2 record 3",
                                "startTime 'yesterday' is not an ISO-8601 instant"),
                        org.assertj.core.groups.Tuple.tuple("page 2 record 4",
                                "billingDuration must be a whole number of seconds >= 0, was -5"));
        assertThat(mapped.rejected().get(0).raw()).contains("\"callId\":\"c2\"");
    }

    @Test
    void theLastPageEndsPaging() {
        UsagePage last = adapter.parse("{\"entities\": [], \"pageNumber\": 3, \"pageCount\": 3}", "acme", 3);
        assertThat(last.hasMore()).isFalse();
    }

    @Test
    void anAnswerThatIsNotAUsagePageFailsTheWindow() {
        assertThatThrownBy(() -> adapter.parse("<html>gateway</html>", "acme", 1))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("usage page 1 is not JSON");
        assertThatThrownBy(() -> adapter.parse("{\"message\": \"x\"}", "acme", 1))
                .hasMessage("usage page 1 has no entities array");
    }
}
