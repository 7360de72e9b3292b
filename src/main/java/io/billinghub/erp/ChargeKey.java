package io.billinghub.erp;

/** What a charge line is posted against: GL account and cost centre, per carrier and destination region. */
public record ChargeKey(String glAccount, String costCentre, String carrierName, String destinationRegion)
        implements Comparable<ChargeKey> {

    @Override
    public int compareTo(ChargeKey o) {
        int c = glAccount.compareTo(o.glAccount);
        c = c != 0 ? c : costCentre.compareTo(o.costCentre);
        c = c != 0 ? c : carrierName.compareTo(o.carrierName);
        return c != 0 ? c : destinationRegion.compareTo(o.destinationRegion);
    }
}
