package io.billinghub.normalisation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A CXone line after normalisation: dated in the invoice's reporting time zone, converted to the base currency,
 * mapped to its GL account and department (or the Unallocated bucket), with the GL amount on the configured tax
 * basis and the internal chargeback amount (GL amount × the phone prefix's markup). Amounts keep 6 decimals;
 * rounding to cents happens once, on aggregates.
 */
public record NormalisedLine(
        String lineId,
        String tenantId,
        YearMonth period,
        LocalDate localDate,
        String featureType,
        String costCenterId,
        String glAccount,
        String department,
        boolean mapped,
        String region,
        BigDecimal markupMultiplier,
        String currency,
        BigDecimal fxRate,
        BigDecimal costBase,
        BigDecimal taxBase,
        BigDecimal glAmount,
        BigDecimal chargebackAmount,
        BigDecimal taxExpected,
        boolean taxMismatch,
        BigDecimal proratedExpected,
        String creditMemoId,
        long referenceVersionId) {
}
