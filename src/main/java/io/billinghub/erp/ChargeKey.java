package io.billinghub.erp;

/**
 * What a posting line is booked against: GL account and cost centre (or department), plus two dimensions whose
 * meaning each pipeline's payload states (carrier and destination region; entry kind and credit memo).
 */
public record ChargeKey(String glAccount, String costCentre, String dimensionA, String dimensionB)
        implements Comparable<ChargeKey> {

    @Override
    public int compareTo(ChargeKey o) {
        int c = glAccount.compareTo(o.glAccount);
        c = c != 0 ? c : costCentre.compareTo(o.costCentre);
        c = c != 0 ? c : dimensionA.compareTo(o.dimensionA);
        return c != 0 ? c : dimensionB.compareTo(o.dimensionB);
    }
}
