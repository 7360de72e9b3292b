package io.billinghub.chargeback;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A period's lines as finance sees them: the allocated lines followed by each override's pair of adjustment lines
 * (the delta on the adjusted cost centre, minus the delta on the offset one), so adjusted figures keep their lineage
 * and the period still adds up to the invoice.
 */
public final class AdjustedLines {

    public static final String OVERRIDE = "OVERRIDE:";
    public static final String OVERRIDE_OFFSET = "OVERRIDE_OFFSET";

    private AdjustedLines() {
    }

    public static List<ChargebackLineRow> of(List<ChargebackLineRow> lines, List<Overrides.Override> overrides) {
        List<ChargebackLineRow> all = new ArrayList<>(lines);
        int no = lines.size();
        for (Overrides.Override o : overrides) {
            ChargebackLineRow target = like(all, o.division(), o.costCentre(), o.category());
            ChargebackLineRow offset = like(all, o.offsetDivision(), o.offsetCostCentre(), o.category());
            all.add(new ChargebackLineRow(++no, target.vendor(), target.tenantId(), target.invoiceId(), o.division(),
                    o.costCentre(), target.businessUnit(), o.category(), OVERRIDE + o.reasonCode(),
                    "override " + o.overrideId(), "OVERRIDE", o.delta(), BigDecimal.ZERO, "", null,
                    "override " + o.overrideId() + " approved by " + o.approverId() + ": " + o.note(),
                    o.overrideId()));
            all.add(new ChargebackLineRow(++no, target.vendor(), target.tenantId(), target.invoiceId(),
                    o.offsetDivision(), o.offsetCostCentre(), offset == null ? o.offsetCostCentre()
                    : offset.businessUnit(), o.category(), OVERRIDE_OFFSET, "override " + o.overrideId(), "OVERRIDE",
                    o.delta().negate(), BigDecimal.ZERO, "", null, "offset of override " + o.overrideId() + " on "
                    + o.division() + "/" + o.costCentre(), o.overrideId()));
        }
        return all;
    }

    /** The figure the report shows for a cost centre and category (allocated plus overrides so far). */
    public static BigDecimal current(List<ChargebackLineRow> adjusted, String division, String costCentre,
                                     String category) {
        return adjusted.stream().filter(l -> l.division().equals(division) && l.costCentre().equals(costCentre)
                        && l.category().equals(category)).map(ChargebackLineRow::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static ChargebackLineRow like(List<ChargebackLineRow> lines, String division, String costCentre,
                                          String category) {
        return lines.stream().filter(l -> l.division().equals(division) && l.costCentre().equals(costCentre)
                && l.category().equals(category)).findFirst()
                .orElseGet(() -> lines.stream().filter(l -> l.division().equals(division)
                        && l.costCentre().equals(costCentre)).findFirst().orElse(null));
    }
}
