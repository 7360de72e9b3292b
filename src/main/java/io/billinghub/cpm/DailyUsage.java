package io.billinghub.cpm;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Rated carrier legs of one carrier, destination region and UTC day, summed. */
public record DailyUsage(String carrierName, String destinationRegion, LocalDate day, long legs, long billedSeconds,
                         BigDecimal cost) {
}
