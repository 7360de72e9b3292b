package io.billinghub.allocation;

import java.util.Comparator;

/**
 * What a chargeback line is: the tenant and invoice its money comes from, the cost centre it is charged to, the cost
 * category, why it is there (reason code), where it came from (the code as found, the cost centre it was moved from,
 * the trunk), and the allocation method.
 */
public record LineKey(String vendor, String tenantId, String invoiceId, String division, String costCentre,
                      String businessUnit, String category, String reasonCode, String origin, String method)
        implements Comparable<LineKey> {

    private static final Comparator<LineKey> ORDER = Comparator.comparing(LineKey::vendor)
            .thenComparing(LineKey::tenantId).thenComparing(LineKey::invoiceId).thenComparing(LineKey::category)
            .thenComparing(LineKey::division).thenComparing(LineKey::costCentre)
            .thenComparing(LineKey::businessUnit).thenComparing(LineKey::reasonCode).thenComparing(LineKey::origin)
            .thenComparing(LineKey::method);

    public CostCentreRef centre() {
        return new CostCentreRef(division, costCentre, businessUnit);
    }

    @Override
    public int compareTo(LineKey o) {
        return ORDER.compare(this, o);
    }
}
