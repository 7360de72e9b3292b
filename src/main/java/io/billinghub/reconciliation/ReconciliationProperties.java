package io.billinghub.reconciliation;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param finalisationHours a UTC day is reconciled only this long after it ended (carriers deliver late)
 * @param lookbackDays      finalised days the daily job re-checks (invoices arrive late too)
 */
@ConfigurationProperties("hub.reconciliation")
public record ReconciliationProperties(int finalisationHours, BigDecimal chargeTolerance, BigDecimal minuteTolerance,
                                       int lookbackDays) {
}
