package io.billinghub.allocation;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The configurable rules of the chargeback: the cost-centre code format, the attributes that carry a cost centre
 * (first present wins), the default cost centre of service and integration accounts, the licence utilisation floor
 * and cap, the daily WFM variance and the manifest variance (percent) over which a period is flagged for review.
 */
public record ChargebackPolicy(Pattern costCentrePattern, List<String> costCentreAttributes,
                               String defaultCostCentre, String defaultBusinessUnit, BigDecimal utilisationFloor,
                               BigDecimal utilisationCap, BigDecimal wfmVariancePercent,
                               BigDecimal manifestVariancePercent) {

    public static final String OWNER_ATTRIBUTE = "BU::OWNER";
    public static final String MODEL_ATTRIBUTE = "BU::ALLOCATION_MODEL";

    public ChargebackPolicy {
        costCentreAttributes = List.copyOf(costCentreAttributes);
        if (utilisationFloor.signum() < 0 || utilisationCap.compareTo(utilisationFloor) < 0
                || utilisationCap.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("licence utilisation needs 0 <= floor <= cap <= 1, got floor "
                    + utilisationFloor + " and cap " + utilisationCap);
        }
    }

    public CostCentreRef defaultCentre() {
        return new CostCentreRef(CostCentreRef.GLOBAL, defaultCostCentre, defaultBusinessUnit);
    }
}
