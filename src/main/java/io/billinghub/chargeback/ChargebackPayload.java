package io.billinghub.chargeback;

import java.util.Map;

/**
 * The chargeback the ERP receives, in the design document's shape {period, charges, currency}: charges per cost
 * centre (division/code) and category as decimal strings, plus the batch's identity. ADJUSTMENT batches carry only
 * the differences to what was posted before.
 */
public record ChargebackPayload(
        String period,
        Map<String, Map<String, String>> charges,
        String currency,
        String batchId,
        String idempotencyKey,
        String source,
        String kind,
        int sequence,
        String multiplierVersion,
        String total,
        Map<String, String> businessUnits) {
}
