package io.billinghub.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowProgressTest {

    private static final UsageStaging.StageCounts NOTHING = new UsageStaging.StageCounts(0, 0, 0);

    @Test
    void anEmptyPageBeforeTheLastFailsTheWindowInsteadOfEndingIt() {
        WindowProgress progress = new WindowProgress(Instant.parse("2026-10-02T00:00:00Z"));
        // page 1 of 3 holds nothing although two more pages are announced: its legs would be missed for good
        assertThatThrownBy(() -> progress.add(new UsagePage(1, 3, List.of(), List.of()), NOTHING))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("page 1 of 3 is empty although the vendor reports more pages; the window is left to be"
                        + " read again");
        assertThat(progress.pagesRead()).isZero();
        // an empty last page ends the window normally
        progress.add(new UsagePage(1, 1, List.of(), List.of()), NOTHING);
        assertThat(progress.hasMore()).isFalse();
        assertThat(progress.pagesRead()).isEqualTo(1);
    }
}
