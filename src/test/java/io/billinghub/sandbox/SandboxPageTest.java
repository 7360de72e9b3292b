package io.billinghub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SandboxPageTest {

    /** Seven legs leg-1 .. leg-7, one minute apart. */
    private static final List<SandboxLeg> SEVEN = IntStream.rangeClosed(1, 7)
            .mapToObj(i -> new SandboxLeg("call-" + i, "leg-" + i,
                    Instant.parse("2026-10-01T10:00:00Z").plusSeconds(60L * i),
                    Instant.parse("2026-10-01T10:00:30Z").plusSeconds(60L * i), 30, 30, "Telnyx", "+13125550100",
                    "Chicago, IL", "voip", "outbound", "answered"))
            .toList();

    @Test
    void sevenRecordsInPagesOfThreeMakeThreePagesOfThreeThreeAndOne() {
        // ceil(7 / 3) = 3 pages: legs 1-3, 4-6, 7.
        assertThat(legIds(SandboxPage.of(SEVEN, 1, 3, 0))).containsExactly("leg-1", "leg-2", "leg-3");
        assertThat(legIds(SandboxPage.of(SEVEN, 2, 3, 0))).containsExactly("leg-4", "leg-5", "leg-6");
        assertThat(legIds(SandboxPage.of(SEVEN, 3, 3, 0))).containsExactly("leg-7");
        SandboxPage<SandboxLeg> last = SandboxPage.of(SEVEN, 3, 3, 0);
        assertThat(last.pageCount()).isEqualTo(3);
        assertThat(last.total()).isEqualTo(7);
        assertThat(last.pageNumber()).isEqualTo(3);
        assertThat(last.pageSize()).isEqualTo(3);
    }

    @Test
    void pagePastTheEndIsEmptyButKeepsTheCounts() {
        SandboxPage<SandboxLeg> page = SandboxPage.of(SEVEN, 4, 3, 0);
        assertThat(page.entities()).isEmpty();
        assertThat(page.pageNumber()).isEqualTo(4);
        assertThat(page.total()).isEqualTo(7);
        assertThat(page.pageCount()).isEqualTo(3);
    }

    @Test
    void duplicatedPageIsServedTwiceAndLaterPagesShiftByOne() {
        // k = 2, 3 real pages: served pages are 1-3, 4-6, 4-6 again, 7; pageCount 3 + 1 = 4; total stays 7.
        assertThat(legIds(SandboxPage.of(SEVEN, 1, 3, 2))).containsExactly("leg-1", "leg-2", "leg-3");
        assertThat(legIds(SandboxPage.of(SEVEN, 2, 3, 2))).containsExactly("leg-4", "leg-5", "leg-6");
        assertThat(legIds(SandboxPage.of(SEVEN, 3, 3, 2))).containsExactly("leg-4", "leg-5", "leg-6");
        assertThat(legIds(SandboxPage.of(SEVEN, 4, 3, 2))).containsExactly("leg-7");
        assertThat(SandboxPage.of(SEVEN, 5, 3, 2).entities()).isEmpty();
        assertThat(SandboxPage.of(SEVEN, 1, 3, 2).pageCount()).isEqualTo(4);
        assertThat(SandboxPage.of(SEVEN, 1, 3, 2).total()).isEqualTo(7);
    }

    @Test
    void theLastPageCanBeTheDuplicatedOne() {
        // k = 3 = the number of real pages: page 4 repeats page 3 (leg 7 only).
        assertThat(legIds(SandboxPage.of(SEVEN, 3, 3, 3))).containsExactly("leg-7");
        assertThat(legIds(SandboxPage.of(SEVEN, 4, 3, 3))).containsExactly("leg-7");
        assertThat(SandboxPage.of(SEVEN, 4, 3, 3).pageCount()).isEqualTo(4);
    }

    @Test
    void rangesWithFewerPagesThanKAreNotDuplicated() {
        // k = 4 but only 3 pages.
        assertThat(SandboxPage.of(SEVEN, 1, 3, 4).pageCount()).isEqualTo(3);
        assertThat(legIds(SandboxPage.of(SEVEN, 3, 3, 4))).containsExactly("leg-7");
    }

    @Test
    void emptyRangeHasNoPages() {
        SandboxPage<SandboxLeg> page = SandboxPage.of(List.of(), 1, 500, 1);
        assertThat(page.entities()).isEmpty();
        assertThat(page.total()).isZero();
        assertThat(page.pageCount()).isZero();
    }

    private static List<String> legIds(SandboxPage<SandboxLeg> page) {
        return page.entities().stream().map(SandboxLeg::legId).toList();
    }
}
