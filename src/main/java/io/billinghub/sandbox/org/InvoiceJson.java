package io.billinghub.sandbox.org;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The platform invoice document, the same for both vendors: amounts as decimal text ("123.45"); a line's trunkId
 * and chargeType are null where they do not apply.
 */
record InvoiceJson(String invoiceId, String period, String currency, String asOf, List<Line> lines) {

    record Line(String lineId, String category, String trunkId, String chargeType, String description,
                String amount) {
    }

    /** What the platform invoice endpoint answers, either vendor: the invoice, or the status and why there is none. */
    record Answer(InvoiceJson invoice, HttpStatus status, String message) {
    }

    /** The invoice of the request's {@code period} as of its {@code asOf}, once issued (404 as of an earlier one). */
    static Answer answer(OrgMonth month, Map<String, String> params) {
        Instant asOf;
        YearMonth period;
        try {
            asOf = OrgQuery.asOf(params);
            period = OrgQuery.period(params, month.period());
        } catch (IllegalArgumentException e) {
            return new Answer(null, HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return month.invoice(asOf).map(invoice -> new Answer(of(invoice, asOf), HttpStatus.OK, null))
                .orElseGet(() -> new Answer(null, HttpStatus.NOT_FOUND, "The invoice of " + period + " is issued at "
                        + month.invoice().issuedAt() + ", after " + asOf));
    }

    static InvoiceJson of(PlatformInvoice invoice, Instant asOf) {
        return new InvoiceJson(invoice.invoiceId(), invoice.period().toString(), invoice.currency(),
                asOf.toString(), invoice.lines().stream().map(line -> new Line(line.lineId(), line.category(),
                        line.trunkId(), line.chargeType(), line.description(), line.amount().toPlainString()))
                .toList());
    }
}
