package io.billinghub.allocation;

/**
 * A cost centre as the chargeback books it: the same code in two divisions is two cost centres. The explicit buckets
 * (the default for service accounts, Unallocated for review) belong to no division.
 */
public record CostCentreRef(String division, String code, String businessUnit) {

    public static final String GLOBAL = "GLOBAL";
    public static final String UNALLOCATED_CODE = "UNALLOCATED";
    public static final CostCentreRef UNALLOCATED = new CostCentreRef(GLOBAL, UNALLOCATED_CODE, UNALLOCATED_CODE);

    public boolean unallocated() {
        return UNALLOCATED_CODE.equals(code) && GLOBAL.equals(division);
    }

    public String id() {
        return division + "/" + code;
    }
}
