package io.billinghub.wholesale;

import io.billinghub.focus.FocusCsv;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The customer statements as a FinOps FOCUS 1.2 cost file: one row per customer and SKU, BilledCost the statement
 * amount. ConsumedQuantity is Webex's QUANTITY in licence-days; PricingQuantity is what the price applies to
 * (licence-months for MONTH prices). The customer is the sub account (its CUSTOMER_EXTERNAL_ID), also in Tags.
 */
public final class WholesaleFocusExport {

    public static final List<String> COLUMNS = List.of("BilledCost", "BillingAccountId", "BillingAccountName",
            "BillingCurrency", "BillingPeriodStart", "BillingPeriodEnd", "ChargeCategory", "ChargeClass",
            "ChargeDescription", "ChargeFrequency", "ChargePeriodStart", "ChargePeriodEnd", "ConsumedQuantity",
            "ConsumedUnit", "ContractedCost", "ContractedUnitPrice", "EffectiveCost", "InvoiceIssuerName", "ListCost",
            "ListUnitPrice", "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName", "ServiceCategory",
            "ServiceName", "SkuId", "SubAccountId", "SubAccountName", "Tags", "x_CustomerOrgId", "x_GlAccount");

    private WholesaleFocusExport() {
    }

    public static List<Map<String, Object>> rows(YearMonth period, String currency, List<Map<String, Object>> lines) {
        String start = FocusCsv.start(period);
        String end = FocusCsv.end(period);
        BigDecimal days = BigDecimal.valueOf(period.lengthOfMonth());
        return lines.stream().map(l -> {
            BigDecimal quantity = (BigDecimal) l.get("quantity");
            boolean monthly = "MONTH".equals(l.get("price_unit"));
            BigDecimal pricing = monthly ? quantity.divide(days, 6, RoundingMode.HALF_UP) : quantity;
            String amount = ((BigDecimal) l.get("amount")).toPlainString();
            String customer = (String) l.get("customer_external_id");
            Map<String, String> tags = new TreeMap<>();
            tags.put("x_CustomerExternalId", customer);
            tags.put("x_Partner", (String) l.get("partner_id"));
            String unitPrice = ((BigDecimal) l.get("unit_price")).toPlainString();
            return FocusCsv.row(COLUMNS, Arrays.asList(amount, l.get("partner_id"),
                    "Webex partner " + l.get("partner_id"), currency, start, end, "Usage", null, l.get("description"),
                    monthly ? "Recurring" : "Usage-Based", start, end,
                    quantity.stripTrailingZeros().toPlainString(), "Licence-days", amount, unitPrice, amount,
                    "Cisco Systems", amount, unitPrice, pricing.stripTrailingZeros().toPlainString(),
                    monthly ? "Licence-months" : "Units", "Cisco Webex", "Cisco Webex", "Business Applications",
                    l.get("service_name"), l.get("sku"), customer, l.get("customer_org_id"), FocusCsv.tags(tags),
                    l.get("customer_org_id"), l.get("gl_account")));
        }).toList();
    }
}
