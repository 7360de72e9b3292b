package io.billinghub.wholesale;

import java.util.List;

/**
 * The customer statements of a period as the ERP receives them: one per CUSTOMER_EXTERNAL_ID (the partner's id of
 * the customer), with its charges per SKU as decimal strings, plus the batch's identity. ADJUSTMENT batches carry
 * only the differences to what was posted before.
 */
public record StatementPayload(
        String period,
        String currency,
        String batchId,
        String idempotencyKey,
        String source,
        String kind,
        int sequence,
        String total,
        List<Statement> statements) {

    public record Statement(String customerExternalId, String partnerId, String total, List<Charge> charges) {
    }

    public record Charge(String sku, String glAccount, String quantity, String amount) {
    }
}
