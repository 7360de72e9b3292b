package io.billinghub.cpm;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Cost per minute of one carrier × destination region × UTC day: SUM(cost) / SUM(billed minutes), and the same
 * ratio over the trailing 7 days ending that day. A ratio without minutes is null, not an error.
 */
public record CpmRow(String carrierName, String destinationRegion, LocalDate day, long legs,
                     BigDecimal billedMinutes, BigDecimal cost, BigDecimal cpm, long trailing7dLegs,
                     BigDecimal trailing7dBilledMinutes, BigDecimal trailing7dCost, BigDecimal trailing7dCpm) {
}
