package io.billinghub.erp;

import java.util.List;

/**
 * The GL journal the ERP receives for a CXone period. USAGE lines carry the period's normalised amounts per GL
 * account and department; CREDIT_MEMO lines are the compensating (negative) entries of credit memos, on the account
 * they correct. Amounts are decimal strings; the total equals the sum of the lines.
 */
public record JournalPayload(
        String batchId,
        String idempotencyKey,
        String source,
        String pipeline,
        String period,
        String kind,
        int sequence,
        String currency,
        String glAmountBasis,
        String createdAt,
        String runId,
        long referenceVersion,
        String total,
        int lineCount,
        List<Line> lines) {

    public record Line(int lineNumber, String glAccount, String department, String entryType, String creditMemoId,
                       String amount, long recordCount, String description) {
    }
}
