package io.billinghub.chargeback;

import java.math.BigDecimal;

/**
 * A line of a period's chargeback as reported: an allocated line, or an override's adjustment (reason
 * OVERRIDE:<code> on the adjusted cost centre, OVERRIDE_OFFSET on the one that balances it) with its override id.
 */
public record ChargebackLineRow(int lineNo, String vendor, String tenantId, String invoiceId, String division,
                                String costCentre, String businessUnit, String category, String reasonCode,
                                String origin, String allocationMethod, BigDecimal amount, BigDecimal quantity,
                                String unit, BigDecimal utilisation, String detail, Long overrideId) {

    public String costCentreId() {
        return division + "/" + costCentre;
    }
}
