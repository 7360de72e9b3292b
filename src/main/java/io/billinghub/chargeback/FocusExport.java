package io.billinghub.chargeback;

import io.billinghub.allocation.AllocationEngine;
import io.billinghub.focus.FocusCsv;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chargeback as a FinOps FOCUS 1.2 cost file (with the 1.3 allocation columns): one row per allocated or
 * adjustment line, BilledCost summing per InvoiceId to the vendor's invoice. FOCUS has no cost-centre column: the
 * cost centre, division, business unit and reason code are x_ columns and also Tags.
 */
public final class FocusExport {

    public static final List<String> COLUMNS = FocusCsv.columns("AllocatedMethodId", "AllocatedMethodDetails",
            "x_CostCenter", "x_Division", "x_BusinessUnit", "x_ReasonCode", "x_Origin");

    private static final Map<String, String> SERVICE_CATEGORY = Map.of(AllocationEngine.TELEPHONY, "Networking",
            AllocationEngine.LICENCE, "Business Applications", AllocationEngine.WFM, "Business Applications",
            AllocationEngine.ANALYTICS, "AI and Machine Learning", AllocationEngine.API_STORAGE, "Storage");
    private static final String ALLOCATED_SHARE = "Allocated share";
    private static final Map<String, String> PROVIDER = Map.of("genesys", "Genesys", "cxone", "NICE");

    private FocusExport() {
    }

    public static List<Map<String, Object>> rows(YearMonth period, String currency, List<ChargebackLineRow> lines) {
        String start = FocusCsv.start(period);
        String end = FocusCsv.end(period);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ChargebackLineRow l : lines) {
            boolean adjustment = l.overrideId() != null;
            boolean licence = AllocationEngine.LICENCE.equals(l.category());
            String chargeCategory = adjustment ? "Adjustment" : licence ? "Purchase" : "Usage";
            boolean quantified = !adjustment && l.quantity().signum() > 0 && !l.unit().isEmpty();
            String provider = PROVIDER.getOrDefault(l.vendor(), l.vendor());
            String amount = l.amount().toPlainString();
            Map<String, String> tags = new TreeMap<>();
            tags.put("x_CostCenter", l.costCentreId());
            tags.put("x_BusinessUnit", l.businessUnit());
            tags.put("x_ReasonCode", l.reasonCode());
            rows.add(FocusCsv.row(COLUMNS, Arrays.asList(amount, l.tenantId(), provider + " " + l.tenantId(), currency,
                    start, end, chargeCategory, null, l.category() + " " + l.detail(),
                    adjustment ? "One-Time" : licence ? "Recurring" : "Usage-Based", start, end,
                    "Usage".equals(chargeCategory) ? pricingQuantity(l, quantified, false) : null,
                    "Usage".equals(chargeCategory) ? pricingUnit(l, quantified, false) : null, amount, amount,
                    l.invoiceId(),
                    provider, amount, pricingQuantity(l, quantified, adjustment),
                    pricingUnit(l, quantified, adjustment), provider, provider,
                    SERVICE_CATEGORY.getOrDefault(l.category(), "Other"), provider + " " + l.category(),
                    l.category(), FocusCsv.tags(tags), l.allocationMethod(), l.detail(), l.costCentreId(),
                    l.division(), l.businessUnit(), l.reasonCode(), l.origin())));
        }
        return rows;
    }

    /**
     * FOCUS wants a pricing quantity on every usage and purchase row, and a consumed quantity on every usage row: a
     * line allocated without a quantity of its own (a share of a bill, an unrecovered remainder) is one allocated
     * share.
     */
    private static String pricingQuantity(ChargebackLineRow l, boolean quantified, boolean adjustment) {
        return quantified ? l.quantity().stripTrailingZeros().toPlainString() : adjustment ? null : "1";
    }

    private static String pricingUnit(ChargebackLineRow l, boolean quantified, boolean adjustment) {
        return quantified ? l.unit() : adjustment ? null : ALLOCATED_SHARE;
    }
}
