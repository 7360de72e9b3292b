package io.billinghub.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectivePeriodTest {

    private static EffectivePeriod period(String from, String to) {
        return new EffectivePeriod(LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    @Test
    void bothEndsAreInForce() {
        EffectivePeriod october = period("2026-10-01", "2026-10-31");
        assertThat(october.contains(LocalDate.parse("2026-10-01"))).isTrue();
        assertThat(october.contains(LocalDate.parse("2026-10-31"))).isTrue();
        assertThat(october.contains(LocalDate.parse("2026-11-01"))).isFalse();
        assertThat(period("2026-10-01", null).contains(LocalDate.parse("2099-01-01"))).isTrue();
    }

    @Test
    void aChangeMayBeWrittenEitherWayButNotOverlapBeyondTheHandoverDay() {
        EffectivePeriod oldRate = period("2026-01-01", "2026-10-15");
        // the successor starts the next day, or on the old row's last day (a handover day)
        assertThat(oldRate.conflictsWith(period("2026-10-16", null))).isFalse();
        assertThat(period("2026-01-01", "2026-10-16").conflictsWith(period("2026-10-16", null))).isFalse();
        // two days shared, an open-ended predecessor, or the same start: overlaps
        assertThat(period("2026-01-01", "2026-10-17").conflictsWith(period("2026-10-16", null))).isTrue();
        assertThat(period("2026-01-01", null).conflictsWith(period("2026-10-16", null))).isTrue();
        assertThat(period("2026-10-16", "2026-10-20").conflictsWith(period("2026-10-16", null))).isTrue();
        // order of the arguments does not matter
        assertThat(period("2026-10-16", null).conflictsWith(period("2026-01-01", "2026-10-17"))).isTrue();
    }

    @Test
    void onAHandoverDayTheSuccessorIsInForce() {
        List<EffectivePeriod> rows = List.of(period("2026-01-01", "2026-10-16"), period("2026-10-16", null));
        assertThat(EffectivePeriod.inForce(rows, p -> p, LocalDate.parse("2026-10-15"))).contains(rows.get(0));
        assertThat(EffectivePeriod.inForce(rows, p -> p, LocalDate.parse("2026-10-16"))).contains(rows.get(1));
        assertThat(EffectivePeriod.inForce(rows, p -> p, LocalDate.parse("2025-12-31"))).isEmpty();
    }
}
