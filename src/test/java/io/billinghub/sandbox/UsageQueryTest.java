package io.billinghub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsageQueryTest {

    private static final String DAY = "2026-10-01T00:00:00Z/2026-10-02T00:00:00Z";

    @Test
    void parsesAllParameters() {
        UsageQuery query = UsageQuery.parse(DAY, "2", "500", "voip", "outbound");
        assertThat(query).isEqualTo(new UsageQuery(Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-10-02T00:00:00Z"), 2, 500, "voip", "outbound"));
    }

    @Test
    void pageAndPageSizeDefaultAndFiltersAreOptional() {
        UsageQuery query = UsageQuery.parse("2026-10-01T00:00:00.000Z/2026-10-01T06:00:00.000Z", null, null, "", null);
        assertThat(query.pageNumber()).isEqualTo(1);
        assertThat(query.pageSize()).isEqualTo(25);
        assertThat(query.callType()).isNull();
        assertThat(query.direction()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-10-01T00:00:00Z", "2026-10-01/2026-10-02", "2026-10-01T00:00:00Z/",
            "2026-10-01T00:00:00Z/2026-10-02T00:00:00Z/2026-10-03T00:00:00Z", "yesterday/today",
            "2026-10-02T00:00:00Z/2026-10-01T00:00:00Z", "2026-10-01T00:00:00Z/2026-10-01T00:00:00Z"})
    void rejectsMalformedOrEmptyTimeRanges(String timeRange) {
        assertThatIllegalArgumentException().isThrownBy(() -> UsageQuery.parse(timeRange, "1", "25", null, null));
    }

    @Test
    void rejectsMissingTimeRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> UsageQuery.parse(null, "1", "25", null, null))
                .withMessageContaining("timeRange is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"501", "0", "-1", "ten"})
    void rejectsPageSizesOutsideOneToFiveHundred(String pageSize) {
        assertThatIllegalArgumentException().isThrownBy(() -> UsageQuery.parse(DAY, "1", pageSize, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "x"})
    void rejectsPagesBelowOne(String page) {
        assertThatIllegalArgumentException().isThrownBy(() -> UsageQuery.parse(DAY, page, "25", null, null));
    }
}
