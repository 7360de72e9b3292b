package io.billinghub.sandbox.cxone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The CXone mapping files in mappings/ (read by the hub) agree with what the sandbox generates: every cost centre
 * but cc_legacy_ops mapped, the mid-month GL change, GL accounts, phone prefixes, FX rates and licence prices.
 * Effective ranges in these files are inclusive at both ends; an empty effective_to is open-ended.
 */
class CxoneMappingFilesTest {

    private static final Path MAPPINGS = Path.of("mappings");
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Test
    void costCentresMapEveryGeneratedCentreButTheLegacyOne() throws IOException {
        List<String[]> rows = read("cxone-cost-centres.csv",
                "cxone_cost_center_id,gl_account,department,effective_from,effective_to");
        Set<String> mapped = rows.stream().map(row -> row[0]).collect(Collectors.toSet());
        assertThat(mapped).containsExactlyInAnyOrder("cc_marketing", "cc_support_tier1", "cc_support_tier2",
                "cc_sales", "cc_collections", "cc_ca_support");
        assertThat(CxoneMonthGenerator.COST_CENTRES).extracting(CxoneMonthGenerator.CostCentre::id)
                .containsAll(mapped).contains(CxoneMonthGenerator.LEGACY_COST_CENTRE);
        // Exactly one row in force for each mapped centre on every day of October (no gap, no overlap).
        for (String centre : mapped) {
            for (LocalDate day = OCTOBER.atDay(1); !day.isAfter(OCTOBER.atEndOfMonth()); day = day.plusDays(1)) {
                LocalDate on = day;
                assertThat(rows.stream().filter(row -> row[0].equals(centre) && inForce(row, 3, on)))
                        .as("%s on %s", centre, day).hasSize(1);
            }
        }
        // The renumbering: inclusive effective_to 2026-10-15, the new account from the 16th.
        assertThat(glOn(rows, "cc_support_tier2", LocalDate.of(2026, 10, 15))).contains("6020-1200");
        assertThat(glOn(rows, "cc_support_tier2", LocalDate.of(2026, 10, 16))).contains("6020-1300");
        assertThat(glOn(rows, "cc_marketing", LocalDate.of(2026, 10, 1))).contains("6010-4500");
        assertThat(glOn(rows, "cc_legacy_ops", LocalDate.of(2026, 10, 1))).isEmpty();
    }

    @Test
    void glAccountsCoverEveryMappedAccountAndTheReviewAccount() throws IOException {
        List<String[]> accounts = read("gl-accounts.csv", "gl_account,description");
        Map<String, String> byAccount = accounts.stream().collect(Collectors.toMap(row -> row[0], row -> row[1]));
        List<String[]> centres = read("cxone-cost-centres.csv",
                "cxone_cost_center_id,gl_account,department,effective_from,effective_to");
        assertThat(byAccount).containsKeys(centres.stream().map(row -> row[1]).toArray(String[]::new));
        assertThat(byAccount).containsEntry("9999-0000", "Unallocated (review)");
        assertThat(accounts).hasSize(byAccount.size());
    }

    @Test
    void everyGeneratedNumberHasARegionOnItsDay() throws IOException {
        List<String[]> rows = read("cxone-phone-prefixes.csv",
                "prefix,region,markup_multiplier,effective_from,effective_to");
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("+1", "North America", "1.00"));
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("+1212", "Northeast", "1.05"));
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("+1416", "Canada-Toronto", "1.02"));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row[0]).matches("\\+[1-9][0-9]*");
            assertThat(new BigDecimal(row[2])).isPositive();
        });
        CxoneMonth month = CxoneMonthGenerator.generateDefault();
        for (CxoneReportLine line : month.billingMonthLines()) {
            LocalDate day = line.usageDate().atZone(month.zone()).toLocalDate();
            Optional<String[]> longest = rows.stream()
                    .filter(row -> line.phoneNumber().startsWith(row[0]) && inForce(row, 3, day))
                    .max(Comparator.comparingInt(row -> row[0].length()));
            assertThat(longest).as(line.phoneNumber()).isPresent();
        }
        // The +1415 markup changes mid-month, like the cost centre.
        assertThat(rows.stream().filter(row -> row[0].equals("+1415")
                && inForce(row, 3, LocalDate.of(2026, 10, 15))).map(row -> row[2])).containsExactly("1.03");
        assertThat(rows.stream().filter(row -> row[0].equals("+1415")
                && inForce(row, 3, LocalDate.of(2026, 10, 16))).map(row -> row[2])).containsExactly("1.04");
    }

    @Test
    void fxRatesAreTheInvoicesRates() throws IOException {
        List<String[]> rows = read("fx-rates.csv", "currency,rate_to_base,effective_from,effective_to");
        List<CxoneFxRates.Rate> parsed = rows.stream().map(row -> new CxoneFxRates.Rate(row[0],
                new BigDecimal(row[1]), LocalDate.parse(row[2]), row[3].isEmpty() ? null : LocalDate.parse(row[3])))
                .toList();
        assertThat(parsed).containsExactlyElementsOf(CxoneFxRates.DEFAULT_RATES);
        CxoneFxRates rates = new CxoneFxRates(parsed);
        assertThat(rates.rateOn("CAD", LocalDate.of(2026, 10, 15))).isEqualByComparingTo("0.7310");
        assertThat(rates.rateOn("CAD", LocalDate.of(2026, 10, 16))).isEqualByComparingTo("0.7285");
        assertThat(rates.rateOn("USD", LocalDate.of(2026, 10, 31))).isEqualByComparingTo("1");
    }

    @Test
    void licencePricesAreTheGeneratorsPrices() throws IOException {
        List<String[]> rows = read("cxone-licence-prices.csv",
                "feature_type,currency,monthly_cost,effective_from,effective_to");
        assertThat(rows).hasSize(4).allSatisfy(row -> {
            assertThat(new BigDecimal(row[2])).isEqualTo(
                    CxoneMonthGenerator.LICENCE_PRICES.get(CxoneFeatureType.valueOf(row[0])).get(row[1]));
            assertThat(inForce(row, 3, OCTOBER.atDay(1)) && inForce(row, 3, OCTOBER.atEndOfMonth())).isTrue();
        });
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("LICENSE_AGENT", "USD", "95.00"));
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("LICENSE_SUPERVISOR", "USD", "140.00"));
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("LICENSE_AGENT", "CAD", "128.25"));
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("LICENSE_SUPERVISOR", "CAD", "189.00"));
    }

    /** Data rows split on commas (these files have no quoted values), after checking the header row. */
    private static List<String[]> read(String file, String header) throws IOException {
        List<String> lines = Files.readAllLines(MAPPINGS.resolve(file), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(header);
        int columns = header.split(",").length;
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                String[] row = line.split(",", -1);
                assertThat(row).as(file + ": " + line).hasSize(columns);
                rows.add(row);
            }
        }
        assertThat(rows).as(file).isNotEmpty();
        return rows;
    }

    /** effective_from <= day <= effective_to (empty = open). */
    private static boolean inForce(String[] row, int fromColumn, LocalDate day) {
        LocalDate from = LocalDate.parse(row[fromColumn]);
        String to = row[fromColumn + 1];
        return !day.isBefore(from) && (to.isEmpty() || !day.isAfter(LocalDate.parse(to)));
    }

    private static Optional<String> glOn(List<String[]> rows, String centre, LocalDate day) {
        return rows.stream().filter(row -> row[0].equals(centre) && inForce(row, 3, day)).map(row -> row[1])
                .findFirst();
    }
}
