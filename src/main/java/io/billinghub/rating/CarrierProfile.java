package io.billinghub.rating;

import java.math.RoundingMode;
import java.time.ZoneId;

/**
 * A carrier as the reference data declares it: the name its usage records carry, the zone its invoices write
 * local times in, and its one rounding rule for leg costs.
 */
public record CarrierProfile(
        String carrierId,
        String carrierName,
        ZoneId invoiceTimeZone,
        String currency,
        int costScale,
        RoundingMode roundingMode) {
}
