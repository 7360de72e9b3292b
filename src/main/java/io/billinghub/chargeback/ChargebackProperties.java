package io.billinghub.chargeback;

import io.billinghub.allocation.ChargebackPolicy;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Business-unit chargeback settings: the taxonomy rules, the licence utilisation floor and cap, the review thresholds,
 * and the tenants whose organisation is extracted (by vendor and the id of a tenant configured under
 * hub.telephony.tenants for Genesys or hub.cxone.tenants for CXone, whose URLs and credentials are used).
 */
@ConfigurationProperties("hub.chargeback")
public record ChargebackProperties(String costCentrePattern, List<String> costCentreAttributes,
                                   String defaultCostCentre, String defaultBusinessUnit,
                                   BigDecimal utilisationFloor, BigDecimal utilisationCap,
                                   BigDecimal wfmVariancePercent, BigDecimal manifestVariancePercent, int pageSize,
                                   List<TenantRef> tenants) {

    public static final String PIPELINE = "chargeback";

    public ChargebackProperties {
        costCentreAttributes = List.copyOf(costCentreAttributes);
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
    }

    /** A tenant to extract: vendor (genesys or cxone) and tenant id. */
    public record TenantRef(String vendor, String id) {
    }

    public ChargebackPolicy policy() {
        return new ChargebackPolicy(Pattern.compile(costCentrePattern), costCentreAttributes, defaultCostCentre,
                defaultBusinessUnit, utilisationFloor, utilisationCap, wfmVariancePercent, manifestVariancePercent);
    }
}
