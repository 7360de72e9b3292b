package io.billinghub.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.extraction.org.OrgRecord;
import io.billinghub.extraction.org.OrgRecord.AccountType;
import io.billinghub.extraction.org.OrgRecord.UserStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever the weights and amounts, allocations add up exactly to their source. Checked on 2,000 random
 * pools and on 300 random organisations run through the whole engine (seeded, so a failure is reproducible).
 */
class ConservationPropertyTest {

    @Test
    void everySplitAddsUpToItsAmount() {
        SplittableRandom random = new SplittableRandom(20261001);
        for (int run = 0; run < 2000; run++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextLong(-1_000_000, 100_000_000), 2);
            SortedMap<Integer, BigDecimal> weights = new TreeMap<>();
            int parts = random.nextInt(1, 40);
            for (int i = 0; i < parts; i++) {
                weights.put(i, BigDecimal.valueOf(random.nextLong(0, 1_000_000), random.nextInt(0, 5)));
            }
            weights.put(parts, BigDecimal.ONE);
            Map<Integer, BigDecimal> split = PoolSplit.split(amount, weights);
            assertThat(split.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("run %d", run).isEqualByComparingTo(amount);
            assertThat(split.values()).allMatch(v -> v.scale() == 2);
        }
    }

    @Test
    void everyRandomOrganisationIsChargedExactlyItsInvoice() {
        SplittableRandom random = new SplittableRandom(7);
        AllocationEngine engine = new AllocationEngine(ChargebackFixtures.policy());
        String[] centres = {"FIN-0001", "RET-0452", "SAL-0100", "MKT-0300", "BAD", ""};
        String[] licences = {"CX_1", "CX_2", "CX_3", "CX_9", null};
        for (int run = 0; run < 300; run++) {
            List<OrgRecord> records = new ArrayList<>();
            int users = random.nextInt(1, 30);
            for (int i = 0; i < users; i++) {
                String cc = centres[random.nextInt(centres.length)];
                records.add(ChargebackFixtures.user("u" + i, UserStatus.values()[random.nextInt(4)],
                        licences[random.nextInt(licences.length)], random.nextBoolean() ? "us-east" : "eu-west",
                        AccountType.values()[random.nextInt(3)], cc.isEmpty() ? Map.of() : Map.of("CostCenterID", cc,
                                "BU::ALLOCATION_MODEL", random.nextBoolean() ? "UTILIZATION_WEIGHTED" : "FLAT_RATE")));
                Instant login = Instant.parse("2026-10-01T00:00:00Z").plusSeconds(random.nextLong(0, 2_678_400));
                records.add(ChargebackFixtures.session("s" + i, "u" + i, login.toString(),
                        login.plusSeconds(random.nextLong(60, 36_000)).toString()));
            }
            for (int q = 0; q < 4; q++) {
                records.add(ChargebackFixtures.queue("q" + q, centres[random.nextInt(4)]));
            }
            for (int c = 0; c < random.nextInt(0, 60); c++) {
                records.add(ChargebackFixtures.call("c" + c, "t" + random.nextInt(3), "q" + random.nextInt(5),
                        "q" + random.nextInt(4), Instant.parse("2026-10-01T00:00:00Z")
                                .plusSeconds(random.nextLong(0, 2_678_400)).toString(), random.nextLong(0, 3600),
                        random.nextLong(0, 600), random.nextLong(0, 300)));
            }
            records.add(new OrgRecord.Trunk("t0", "t0", Map.of("BU::ALLOCATION_MODEL", "VOLUME")));
            records.add(new OrgRecord.Trunk("t1", "t1", Map.of("BU::ALLOCATION_MODEL", "HYBRID")));
            records.add(ChargebackFixtures.shift("w", "u0", "Europe/London", "2026-10-25T00:30", "2026-10-25T09:00",
                    random.nextLong(0, 600)));
            records.add(new OrgRecord.AnalyticsUsage("a", "q" + random.nextInt(5), "2026-10-15",
                    BigDecimal.valueOf(random.nextLong(0, 100_000), 1)));
            BigDecimal invoice = BigDecimal.ZERO;
            String[] categories = {"LICENCE", "WFM", "ANALYTICS", "API_STORAGE", "TELEPHONY", "TELEPHONY", "OTHER"};
            for (int i = 0; i < categories.length; i++) {
                BigDecimal amount = BigDecimal.valueOf(random.nextLong(-5_000, 500_000), 2);
                invoice = invoice.add(amount);
                records.add(ChargebackFixtures.charge("L" + i, categories[i], i == 4 ? "t" + random.nextInt(4) : null,
                        random.nextBoolean() ? "CAPACITY" : "USAGE", amount.toPlainString()));
            }
            AllocationResult result = engine.allocate(YearMonth.of(2026, 10),
                    List.of(TenantSnapshot.of("genesys", "t", records)), ChargebackFixtures.q4(),
                    ChargebackFixtures.reference());
            assertThat(result.lines().stream().map(AllocationLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("run %d", run).isEqualByComparingTo(invoice);
            assertThat(result.manifest().conservationDifference()).isEqualByComparingTo("0");
            for (String category : List.of("LICENCE", "WFM", "ANALYTICS", "API_STORAGE", "TELEPHONY")) {
                Manifest.Category c = result.manifest().categories().get(category);
                assertThat(c.allocated().add(c.unallocated())).as("run %d %s", run, category)
                        .isEqualByComparingTo(c.invoiced());
            }
        }
    }
}
