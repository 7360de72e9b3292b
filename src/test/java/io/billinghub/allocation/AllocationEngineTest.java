package io.billinghub.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The chargeback of {@link ChargebackFixtures}, worked out by hand.
 *
 * <pre>
 * LICENCE (rated; pool 465.00): us-east/FIN 80.00, eu-west/FIN 50.00, SAL 80.00 (s2 suspended: not charged),
 *   RET 5 x 25.00 = 125.00 at utilisation 1/5 = 0.2000 -> floor 0.40 -> 50.00, the unrecovered 75.00 to
 *   IT-OVERHEAD, ghost MKT-0300 50.00 -> Unallocated; rated 385.00, residual 80.00 -> Unallocated.
 * TELEPHONY: tV USAGE 2.30 by minutes 10 FIN + 8 FIN (overflow c3 stays with its initial queue) + 5 RET = 23:
 *   FIN 1.00, FIN overflow 0.80, RET 0.50. tC CAPACITY 100.00 by peak channels FIN 2, SAL 1, ghost 1: 50.00,
 *   25.00, 25.00. tH CAPACITY 30.00 by peak RET 2, SAL 1: 20.00, 10.00; tH USAGE 0.72 by minutes 40/20: 0.48, 0.24.
 *   Rated 124 min x 0.0120 = 1.488 -> 1.49.
 * WFM (pool 1.57): FIN us 480 min -> 0.432; FIN eu 540 min (BST end) -> 0.486; SAL 480 min, of which the 10 handle
 *   minutes of overflow c3 -> 0.009 (CROSS_QUEUE_OVERFLOW) and 470 -> 0.423; RET 240 -> 0.216; residual 0.004.
 *   Largest remainder: floors 1.54, 3 cents to remainders 0.009 (SAL overflow), 0.006 (FIN eu), 0.006 (RET):
 *   0.43, 0.49, 0.01, 0.42, 0.22, residual 0.00.
 * ANALYTICS (pool 0.77): FIN 100 min 0.45, ghost 20 min 0.09, RET 50.5 min 0.22725 (1 Nov not counted), residual
 *   0.00275: floors 0.76, the cent to RET (0.00725): 0.45, 0.09, 0.23, 0.00.
 * API_STORAGE 100.00 by 10 active users: FIN us 1, FIN eu 1, RET 5, SAL 1, ghost 1, svc1 (IT-OVERHEAD) 1.
 * Per cost centre: us-east/FIN 142.68, eu-west/FIN 60.49, RET 121.43, SAL 125.67, IT-OVERHEAD 85.00,
 *   Unallocated 165.09 (50 + 80 + 25 + 0.09 + 10). Sum 700.36 = the invoice.
 * Manifest: allocated 535.27, variance 165.09 = 23.5722 % -> flagged (over 0.5 %).
 * </pre>
 */
class AllocationEngineTest {

    private final AllocationEngine engine = new AllocationEngine(ChargebackFixtures.policy());

    private AllocationResult october() {
        return engine.allocate(YearMonth.of(2026, 10), List.of(ChargebackFixtures.tenant()), ChargebackFixtures.q4(),
                ChargebackFixtures.reference());
    }

    @Test
    void chargesPerCostCentreAddUpToTheInvoice() {
        AllocationResult result = october();
        assertThat(total(result, centre("us-east", "FIN-0001"))).isEqualByComparingTo("142.68");
        assertThat(total(result, centre("eu-west", "FIN-0001"))).isEqualByComparingTo("60.49");
        assertThat(total(result, centre("us-east", "RET-0452"))).isEqualByComparingTo("121.43");
        assertThat(total(result, centre("us-east", "SAL-0100"))).isEqualByComparingTo("125.67");
        assertThat(total(result, centre("GLOBAL", "IT-OVERHEAD"))).isEqualByComparingTo("85.00");
        assertThat(total(result, centre("GLOBAL", "UNALLOCATED"))).isEqualByComparingTo("165.09");
        assertThat(total(result, l -> true)).isEqualByComparingTo("700.36");
        assertThat(result.manifest().conservationDifference()).isEqualByComparingTo("0.00");
    }

    @Test
    void underUtilisedLicencePoolPaysTheFloorAndTheRemainderIsVisibleOnItOverhead() {
        AllocationResult result = october();
        AllocationLine retail = line(result, "us-east", "RET-0452", "LICENCE", "STANDARD");
        assertThat(retail.amount()).isEqualByComparingTo("50.00");
        assertThat(retail.utilisation()).isEqualByComparingTo("0.2000");
        assertThat(retail.quantity()).isEqualByComparingTo("5");
        assertThat(retail.key().method()).isEqualTo("UTILIZATION_WEIGHTED");
        AllocationLine unrecovered = line(result, "GLOBAL", "IT-OVERHEAD", "LICENCE", "UNRECOVERED_LICENCE");
        assertThat(unrecovered.amount()).isEqualByComparingTo("75.00");
        assertThat(unrecovered.key().origin()).isEqualTo("us-east/RET-0452");
        // suspended s2 is billed by the vendor but not charged: the 80.00 waits in Unallocated
        assertThat(line(result, "us-east", "SAL-0100", "LICENCE", "STANDARD").amount()).isEqualByComparingTo("80.00");
        assertThat(line(result, "GLOBAL", "UNALLOCATED", "LICENCE", "PLATFORM_VARIANCE").amount())
                .isEqualByComparingTo("80.00");
    }

    @Test
    void sameCodeInTwoDivisionsIsTwoCostCentres() {
        AllocationResult result = october();
        assertThat(line(result, "us-east", "FIN-0001", "LICENCE", "STANDARD").amount()).isEqualByComparingTo("80.00");
        assertThat(line(result, "eu-west", "FIN-0001", "LICENCE", "STANDARD").amount()).isEqualByComparingTo("50.00");
    }

    @Test
    void ghostCostCentreAndServiceAccount() {
        AllocationResult result = october();
        AllocationLine ghost = line(result, "GLOBAL", "UNALLOCATED", "LICENCE", "GHOST_COST_CENTRE");
        assertThat(ghost.amount()).isEqualByComparingTo("50.00");
        assertThat(ghost.key().origin()).isEqualTo("us-east/MKT-0300");
        assertThat(line(result, "GLOBAL", "IT-OVERHEAD", "API_STORAGE", "DEFAULT_COST_CENTRE").amount())
                .isEqualByComparingTo("10.00");
        assertThat(result.findings()).extracting(ChargebackFinding::kind, ChargebackFinding::subject)
                .contains(org.assertj.core.groups.Tuple.tuple("GHOST_COST_CENTRE", "us-east/MKT-0300"));
    }

    @Test
    void sharedTrunksUnderEachTelephonyModel() {
        AllocationResult result = october();
        // VOLUME tV: by minutes, the overflow call's minutes with its originating FIN
        assertThat(telephony(result, "FIN-0001", "STANDARD", "VOLUME:USAGE")).isEqualByComparingTo("1.00");
        assertThat(telephony(result, "FIN-0001", "CROSS_QUEUE_OVERFLOW", "VOLUME:USAGE")).isEqualByComparingTo("0.80");
        assertThat(telephony(result, "RET-0452", "STANDARD", "VOLUME:USAGE")).isEqualByComparingTo("0.50");
        // CONCURRENCY_WEIGHTED tC (registry default): by peak channels 2 : 1 : 1
        assertThat(telephony(result, "FIN-0001", "STANDARD", "CONCURRENCY_WEIGHTED:CAPACITY"))
                .isEqualByComparingTo("50.00");
        assertThat(telephony(result, "SAL-0100", "STANDARD", "CONCURRENCY_WEIGHTED:CAPACITY"))
                .isEqualByComparingTo("25.00");
        // HYBRID tH: capacity by concurrency 2 : 1, usage by volume 40 : 20
        assertThat(telephony(result, "RET-0452", "STANDARD", "HYBRID:CAPACITY")).isEqualByComparingTo("20.00");
        assertThat(telephony(result, "SAL-0100", "STANDARD", "HYBRID:CAPACITY")).isEqualByComparingTo("10.00");
        assertThat(telephony(result, "RET-0452", "STANDARD", "HYBRID:USAGE")).isEqualByComparingTo("0.48");
        assertThat(telephony(result, "SAL-0100", "STANDARD", "HYBRID:USAGE")).isEqualByComparingTo("0.24");
        assertThat(result.manifest().categories().get("TELEPHONY").rated()).isEqualByComparingTo("1.49");
    }

    @Test
    void overflowLeavesOnlyTheIncrementalWfmCostWithTheHandlingUnit() {
        AllocationResult result = october();
        AllocationLine overflow = line(result, "us-east", "SAL-0100", "WFM", "CROSS_QUEUE_OVERFLOW");
        assertThat(overflow.amount()).isEqualByComparingTo("0.01");
        assertThat(overflow.quantity()).isEqualByComparingTo("10");
        assertThat(overflow.key().origin()).isEqualTo("us-east/FIN-0001");
        assertThat(line(result, "us-east", "SAL-0100", "WFM", "STANDARD").amount()).isEqualByComparingTo("0.42");
        // no telephony of the overflow call on the handling unit's tV line
        assertThat(result.lines()).noneMatch(l -> l.key().costCentre().equals("SAL-0100")
                && l.key().category().equals("TELEPHONY") && l.key().method().startsWith("VOLUME"));
    }

    @Test
    void wfmInUtcAcrossDstWithDailyVarianceFlag() {
        AllocationResult result = october();
        AllocationLine eu = line(result, "eu-west", "FIN-0001", "WFM", "STANDARD");
        assertThat(eu.quantity()).isEqualByComparingTo("540");
        assertThat(eu.amount()).isEqualByComparingTo("0.49");
        // w3 starts on 1 Nov in UTC: SAL has w4's 480 minutes only (470 own + 10 overflow)
        assertThat(line(result, "us-east", "SAL-0100", "WFM", "STANDARD").quantity()).isEqualByComparingTo("470");
        assertThat(result.findings()).filteredOn(f -> f.kind().equals("WFM_VARIANCE"))
                .extracting(ChargebackFinding::subject).containsExactly("eu-west/FIN-0001 2026-10-24");
        assertThat(total(result, l -> l.key().category().equals("WFM"))).isEqualByComparingTo("1.57");
    }

    @Test
    void manifestFlagsTheVariance() {
        Manifest manifest = october().manifest();
        assertThat(manifest.platformSpend()).isEqualByComparingTo("700.36");
        assertThat(manifest.totalAllocated()).isEqualByComparingTo("535.27");
        assertThat(manifest.unallocated()).isEqualByComparingTo("165.09");
        assertThat(manifest.variancePercent()).isEqualByComparingTo("23.5722");
        assertThat(manifest.flaggedForReview()).isTrue();
        assertThat(manifest.categories().get("LICENCE").rated()).isEqualByComparingTo("385.00");
        assertThat(manifest.categories().get("LICENCE").ratedVariancePercent()).isEqualByComparingTo("17.2043");
        assertThat(manifest.categories().get("ANALYTICS").allocated()).isEqualByComparingTo("0.68");
    }

    @Test
    void theVersionInForceForEachPeriodPricesIt() {
        AllocationResult september = engine.allocate(YearMonth.of(2026, 9), List.of(ChargebackFixtures.tenant()),
                ChargebackFixtures.q3(), ChargebackFixtures.reference());
        // September: CX_3 at 75.00 under 2026-Q3-v1; October: 80.00 under 2026-Q4-v1
        assertThat(line(september, "us-east", "FIN-0001", "LICENCE", "STANDARD").amount())
                .isEqualByComparingTo("75.00");
        assertThat(ChargebackFixtures.reference().versionFor(YearMonth.of(2026, 9)).orElseThrow().version())
                .isEqualTo("2026-Q3-v1");
        assertThat(ChargebackFixtures.reference().versionFor(YearMonth.of(2026, 10)).orElseThrow().version())
                .isEqualTo("2026-Q4-v1");
    }

    private static BigDecimal telephony(AllocationResult result, String code, String reason, String method) {
        return total(result, l -> l.key().costCentre().equals(code) && l.key().category().equals("TELEPHONY")
                && l.key().reasonCode().equals(reason) && l.key().method().equals(method));
    }

    private static AllocationLine line(AllocationResult result, String division, String code, String category,
                                       String reason) {
        List<AllocationLine> found = result.lines().stream().filter(l -> l.key().division().equals(division)
                && l.key().costCentre().equals(code) && l.key().category().equals(category)
                && l.key().reasonCode().equals(reason)).toList();
        assertThat(found).as(division + "/" + code + " " + category + " " + reason).hasSize(1);
        return found.get(0);
    }

    private static Predicate<AllocationLine> centre(String division, String code) {
        return l -> l.key().division().equals(division) && l.key().costCentre().equals(code);
    }

    private static BigDecimal total(AllocationResult result, Predicate<AllocationLine> filter) {
        return result.lines().stream().filter(filter).map(AllocationLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
