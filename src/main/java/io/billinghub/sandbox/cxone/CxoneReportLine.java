package io.billinghub.sandbox.cxone;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of a CXone usage report, in the design document's shape ({@code /api/v2/usage/reports/{id}/data}).
 * Amounts keep their scale (4 decimals; taxRate 2) and are written as JSON numbers; usageDate is a UTC instant at
 * whole seconds ("2026-10-15T14:30:00Z").
 *
 * <p>{@code direction} is INBOUND or OUTBOUND on VOICE_CALL and IVR_MINUTES lines and null on the others;
 * {@code durationSeconds} is the call or IVR time, the recorded seconds on RECORDING_STORAGE, 0 on licence and
 * credit-memo lines. {@code creditMemoId} is always written (null on ordinary lines); {@code correctsLineId}
 * only on credit-memo lines; {@code licenseType}, {@code serviceStart} and {@code serviceEnd} (local dates in the
 * reporting time zone, inclusive) only on licence lines.
 */
@JsonPropertyOrder({"lineId", "usageDate", "userId", "userName", "phoneNumber", "featureType", "direction",
        "durationSeconds", "costAmount", "currencyCode", "taxAmount", "taxRate", "costCenterId", "proratedFlag",
        "creditMemoId", "correctsLineId", "licenseType", "serviceStart", "serviceEnd"})
public record CxoneReportLine(
        String lineId,
        @JsonSerialize(using = ToStringSerializer.class) Instant usageDate,
        String userId,
        String userName,
        String phoneNumber,
        CxoneFeatureType featureType,
        @JsonInclude(JsonInclude.Include.ALWAYS) String direction,
        int durationSeconds,
        @JsonSerialize(using = CxoneJson.PlainNumber.class) BigDecimal costAmount,
        String currencyCode,
        @JsonSerialize(using = CxoneJson.PlainNumber.class) BigDecimal taxAmount,
        @JsonSerialize(using = CxoneJson.PlainNumber.class) BigDecimal taxRate,
        String costCenterId,
        boolean proratedFlag,
        @JsonInclude(JsonInclude.Include.ALWAYS) String creditMemoId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String correctsLineId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String licenseType,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonSerialize(using = ToStringSerializer.class)
        LocalDate serviceStart,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonSerialize(using = ToStringSerializer.class)
        LocalDate serviceEnd) {

    /** The same line with taxAmount 0.0000 (a report requested with includeTaxes false). */
    public CxoneReportLine withoutTax() {
        return new CxoneReportLine(lineId, usageDate, userId, userName, phoneNumber, featureType, direction,
                durationSeconds, costAmount, currencyCode, BigDecimal.ZERO.setScale(taxAmount.scale()), taxRate,
                costCenterId, proratedFlag, creditMemoId, correctsLineId, licenseType, serviceStart, serviceEnd);
    }

    /** A copy with another taxAmount (the generator's rounding quirks and jurisdictional overrides). */
    CxoneReportLine withTaxAmount(BigDecimal tax) {
        return new CxoneReportLine(lineId, usageDate, userId, userName, phoneNumber, featureType, direction,
                durationSeconds, costAmount, currencyCode, tax, taxRate, costCenterId, proratedFlag, creditMemoId,
                correctsLineId, licenseType, serviceStart, serviceEnd);
    }

    /** A credit-memo line (not a JSON property). */
    @JsonIgnore
    public boolean isCredit() {
        return creditMemoId != null;
    }

    /** startDate <= usageDate <= endDate: a report window is inclusive at both ends. */
    public boolean within(Instant startDate, Instant endDate) {
        return !usageDate.isBefore(startDate) && !usageDate.isAfter(endDate);
    }
}
