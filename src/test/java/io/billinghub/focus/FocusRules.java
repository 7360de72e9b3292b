package io.billinghub.focus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The FOCUS 1.2 column rules (FinOps FOCUS specification, columns section) for the columns the hub's exports
 * fill: the mandatory columns present, every other column FOCUS's own or x_ prefixed, types (decimals, UTC
 * date-times with an exclusive end after the start, ISO currency codes), allowed values, and the nullability rules
 * that depend on ChargeCategory.
 */
final class FocusRules {

    static final Set<String> MANDATORY = Set.of("BilledCost", "BillingAccountId", "BillingAccountName",
            "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory", "ChargeClass",
            "ChargeDescription", "ChargePeriodEnd", "ChargePeriodStart", "ContractedCost", "EffectiveCost",
            "InvoiceIssuerName", "ListCost", "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName",
            "ServiceCategory", "ServiceName");
    /** Columns FOCUS 1.2 defines that the exports use besides the mandatory ones. */
    private static final Set<String> CONDITIONAL = Set.of("ChargeFrequency", "ConsumedQuantity", "ConsumedUnit",
            "ContractedUnitPrice", "InvoiceId", "ListUnitPrice", "SkuId", "SubAccountId", "SubAccountName", "Tags",
            "AllocatedMethodId", "AllocatedMethodDetails");
    private static final Set<String> CATEGORIES = Set.of("Usage", "Purchase", "Tax", "Credit", "Adjustment");
    private static final Set<String> FREQUENCIES = Set.of("One-Time", "Recurring", "Usage-Based");
    private static final Set<String> SERVICE_CATEGORIES = Set.of("AI and Machine Learning", "Analytics",
            "Business Applications", "Compute", "Databases", "Developer Tools", "Multicloud", "Identity",
            "Integration", "Internet of Things", "Management and Governance", "Media", "Migration", "Mobile",
            "Networking", "Security", "Storage", "Web", "Other");
    private static final List<String> DECIMALS = List.of("BilledCost", "ContractedCost", "EffectiveCost",
            "ListCost", "PricingQuantity", "ConsumedQuantity", "ContractedUnitPrice", "ListUnitPrice");

    private FocusRules() {
    }

    /** The rows of a FOCUS CSV, each checked; empty cells are null. */
    static List<Map<String, String>> check(String csv) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.DEFAULT.builder().setHeader()
                .setSkipHeaderRecord(true).get())) {
            List<String> columns = parser.getHeaderNames();
            assertThat(columns).containsAll(MANDATORY);
            assertThat(columns).allSatisfy(c -> assertThat(MANDATORY.contains(c) || CONDITIONAL.contains(c)
                    || c.startsWith("x_")).as("%s is a FOCUS column or x_", c).isTrue());
            for (CSVRecord record : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                columns.forEach(c -> row.put(c, record.get(c).isEmpty() ? null : record.get(c)));
                checkRow(row);
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static void checkRow(Map<String, String> row) {
        for (String column : List.of("BilledCost", "BillingAccountId", "BillingCurrency", "BillingPeriodStart",
                "BillingPeriodEnd", "ChargeCategory", "ChargePeriodStart", "ChargePeriodEnd", "ContractedCost",
                "EffectiveCost", "InvoiceIssuerName", "ListCost", "ProviderName", "PublisherName", "ServiceCategory",
                "ServiceName")) {
            assertThat(row.get(column)).as("%s of %s", column, row).isNotNull();
        }
        DECIMALS.stream().filter(c -> row.get(c) != null).forEach(c -> assertThat(new BigDecimal(row.get(c))
                .toPlainString()).as("%s is a plain decimal", c).isEqualTo(row.get(c)));
        assertThat(row.get("BillingCurrency")).matches("[A-Z]{3}");
        assertThat(Instant.parse(row.get("BillingPeriodEnd"))).isAfter(Instant.parse(row.get("BillingPeriodStart")));
        assertThat(Instant.parse(row.get("ChargePeriodEnd"))).isAfter(Instant.parse(row.get("ChargePeriodStart")));
        assertThat(List.of(row.get("BillingPeriodStart"), row.get("ChargePeriodStart"))).allSatisfy(
                t -> assertThat(t).endsWith("Z"));
        String category = row.get("ChargeCategory");
        assertThat(CATEGORIES).contains(category);
        assertThat(row.get("ChargeClass")).isIn(null, "Correction");
        assertThat(SERVICE_CATEGORIES).contains(row.get("ServiceCategory"));
        if (row.containsKey("ChargeFrequency")) {
            assertThat(FREQUENCIES).contains(row.get("ChargeFrequency"));
        }
        boolean usageOrPurchase = "Usage".equals(category) || "Purchase".equals(category);
        if (usageOrPurchase) {
            assertThat(row.get("PricingQuantity")).as("PricingQuantity of %s", row).isNotNull();
        }
        if ("Tax".equals(category)) {
            assertThat(row.get("PricingQuantity")).isNull();
        }
        assertThat(row.get("PricingUnit") == null).as("PricingUnit null exactly when PricingQuantity is")
                .isEqualTo(row.get("PricingQuantity") == null);
        if (!"Usage".equals(category)) {
            assertThat(row.get("ConsumedQuantity")).as("ConsumedQuantity outside Usage").isNull();
        } else if (row.containsKey("ConsumedQuantity")) {
            assertThat(row.get("ConsumedQuantity")).as("ConsumedQuantity of a usage row %s", row).isNotNull();
            assertThat(new BigDecimal(row.get("ConsumedQuantity"))).isPositive();
        }
        assertThat(row.get("ConsumedUnit") == null).isEqualTo(row.get("ConsumedQuantity") == null);
        if (row.get("SkuId") == null) {
            assertThat(usageOrPurchase).as("SkuId of a usage or purchase row").isFalse();
        }
    }
}
