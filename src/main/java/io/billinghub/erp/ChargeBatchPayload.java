package io.billinghub.erp;

import java.util.List;

/**
 * The JSON the ERP receives. Amounts are decimal strings (never binary floating point); the batch total equals
 * the sum of its lines; an ADJUSTMENT batch carries only the differences to what earlier batches posted.
 */
public record ChargeBatchPayload(
        String batchId,
        String idempotencyKey,
        String source,
        String pipeline,
        String period,
        String periodStart,
        String periodEnd,
        String kind,
        int sequence,
        String currency,
        String createdAt,
        String runId,
        long referenceVersion,
        String total,
        int lineCount,
        List<Line> lines) {

    public record Line(int lineNumber, String glAccount, String costCentre, String carrierName,
                       String destinationRegion, String amount, String billedMinutes, long legCount,
                       String description) {
    }
}
