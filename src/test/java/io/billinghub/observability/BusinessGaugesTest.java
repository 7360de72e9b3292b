package io.billinghub.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BusinessGaugesTest {

    @Test
    void aPartysVarianceIsTheSumOverItsStatuses() {
        // Bandwidth's October: a day with discrepancies (0.0532 invoiced, 0.0199 rated) and a matched day
        List<ReconciliationFigures.Month> months = List.of(
                new ReconciliationFigures.Month("Bandwidth.com", "2026-10", "DISCREPANCIES", 1,
                        new BigDecimal("0.0333")),
                new ReconciliationFigures.Month("Bandwidth.com", "2026-10", "MATCHED", 1, new BigDecimal("0.0000")),
                new ReconciliationFigures.Month("Twilio", "2026-10", "UNBILLED_LEGS", 1, new BigDecimal("-0.012")));
        assertThat(BusinessGauges.variances(months)).isEqualTo(Map.of(
                new BusinessGauges.PartyMonth("Bandwidth.com", "2026-10"), new BigDecimal("0.0333"),
                new BusinessGauges.PartyMonth("Twilio", "2026-10"), new BigDecimal("-0.012")));
    }

    @Test
    void theOldestPendingBatchsAgeIsZeroWithoutOne() {
        Instant now = Instant.parse("2026-11-10T02:00:00Z");
        assertThat(BusinessGauges.ageSeconds(Optional.of(Instant.parse("2026-11-10T00:00:00.250Z")), now))
                .isEqualTo(7199.75);
        assertThat(BusinessGauges.ageSeconds(Optional.empty(), now)).isZero();
        // a batch recorded by a node whose clock runs ahead is not of negative age
        assertThat(BusinessGauges.ageSeconds(Optional.of(now.plusSeconds(5)), now)).isZero();
    }
}
