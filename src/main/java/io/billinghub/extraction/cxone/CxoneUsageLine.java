package io.billinghub.extraction.cxone;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A CXone usage and cost line as the report returns it, parsed (amounts from their decimal text). The raw JSON is
 * kept, so transformation can re-run from staging without asking CXone again.
 */
public record CxoneUsageLine(
        String lineId,
        String tenantId,
        String reportId,
        Instant usageDate,
        String userId,
        String userName,
        String phoneNumber,
        String featureType,
        String direction,
        Integer durationSeconds,
        BigDecimal costAmount,
        String currency,
        BigDecimal taxAmount,
        BigDecimal taxRate,
        String costCenterId,
        boolean prorated,
        String creditMemoId,
        String correctsLineId,
        String licenceType,
        LocalDate serviceStart,
        LocalDate serviceEnd,
        String rawPayload) {
}
