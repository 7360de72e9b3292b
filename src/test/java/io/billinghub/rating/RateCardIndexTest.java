package io.billinghub.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateCardIndexTest {

    private static final BillingIncrement SIX = new BillingIncrement(6, 6);

    private static RateCardEntry row(int line, String carrier, String prefix, String region, String rate,
                                     String from, String to) {
        return new RateCardEntry(line, carrier, prefix, region, new BigDecimal(rate), SIX, LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to));
    }

    private final RateCardIndex index = new RateCardIndex(List.of(
            row(1, "Bandwidth.com", "1", "US-Other", "0.0090", "2026-01-01", null),
            row(2, "Bandwidth.com", "1415", "US-West", "0.0080", "2026-01-01", "2026-10-16"),
            row(3, "Bandwidth.com", "1415", "US-West", "0.0070", "2026-10-16", null),
            row(4, "Bandwidth.com", "1415555", "US-West-SF", "0.0060", "2026-11-01", null),
            row(5, "Twilio", "1", "US-Other", "0.0130", "2026-01-01", null)));

    @Test
    void longestPrefixWins() {
        assertThat(index.find("Bandwidth.com", "14155550198", LocalDate.parse("2026-11-02")))
                .get().extracting(RateCardEntry::lineNo).isEqualTo(4);
        assertThat(index.find("Bandwidth.com", "13125550198", LocalDate.parse("2026-11-02")))
                .get().extracting(RateCardEntry::lineNo).isEqualTo(1);
    }

    @Test
    void rowInForceAtTheLegStartApplies() {
        // 1415 changes rate on 2026-10-16: the day before uses line 2, the boundary day itself line 3
        assertThat(index.find("Bandwidth.com", "14155550198", LocalDate.parse("2026-10-15")))
                .get().extracting(RateCardEntry::lineNo).isEqualTo(2);
        assertThat(index.find("Bandwidth.com", "14155550198", LocalDate.parse("2026-10-16")))
                .get().extracting(RateCardEntry::lineNo).isEqualTo(3);
    }

    @Test
    void aPrefixNotYetInForceFallsBackToAShorterOne() {
        // 1415555 starts on 2026-11-01; on 2026-10-20 the 1415 row applies
        assertThat(index.find("Bandwidth.com", "14155550198", LocalDate.parse("2026-10-20")))
                .get().extracting(RateCardEntry::lineNo).isEqualTo(3);
    }

    @Test
    void carrierNameMustMatchExactly() {
        assertThat(index.find("Twilio", "14155550198", LocalDate.parse("2026-10-20")))
                .get().extracting(RateCardEntry::lineNo).isEqualTo(5);
        assertThat(index.find("bandwidth.com", "14155550198", LocalDate.parse("2026-10-20"))).isEmpty();
        assertThat(index.find("Lumen", "14155550198", LocalDate.parse("2026-10-20"))).isEmpty();
    }

    @Test
    void noPrefixNoRate() {
        assertThat(index.find("Bandwidth.com", "68812345", LocalDate.parse("2026-10-20"))).isEmpty();
        assertThat(index.find("Bandwidth.com", "14155550198", LocalDate.parse("2025-12-31"))).isEmpty();
    }

    @Test
    void anExpiryDateIsTheLastDayInForce() {
        RateCardIndex inclusive = new RateCardIndex(List.of(
                row(1, "X", "1", "R", "0.01", "2026-01-01", "2026-10-15"),
                row(2, "X", "1", "R", "0.02", "2026-10-16", null)));
        assertThat(inclusive.find("X", "1415", LocalDate.parse("2026-10-15"))).get()
                .extracting(RateCardEntry::lineNo).isEqualTo(1);
        assertThat(inclusive.find("X", "1415", LocalDate.parse("2026-10-16"))).get()
                .extracting(RateCardEntry::lineNo).isEqualTo(2);
    }
}
