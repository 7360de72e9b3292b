package io.billinghub.sandbox.org;

import java.time.Instant;
import java.util.List;

/**
 * The platform invoice document, the same for both vendors: amounts as decimal text ("123.45"); a line's trunkId
 * and chargeType are null where they do not apply.
 */
record InvoiceJson(String invoiceId, String period, String currency, String asOf, List<Line> lines) {

    record Line(String lineId, String category, String trunkId, String chargeType, String description,
                String amount) {
    }

    static InvoiceJson of(PlatformInvoice invoice, Instant asOf) {
        return new InvoiceJson(invoice.invoiceId(), invoice.period().toString(), invoice.currency(),
                asOf.toString(), invoice.lines().stream().map(line -> new Line(line.lineId(), line.category(),
                        line.trunkId(), line.chargeType(), line.description(), line.amount().toPlainString()))
                .toList());
    }
}
