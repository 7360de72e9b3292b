package io.billinghub.ledger;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The CXone monthly invoice, from the billing API or from the CSV finance downloads and drops over SFTP.
 *
 * @param status FINAL, or PRELIMINARY while CXone's end-of-month jobs still adjust it
 */
public record CxoneInvoice(String invoiceId, YearMonth period, String status, String currency,
                           BigDecimal totalAmount, BigDecimal totalTax, List<Line> lines) {

    /** One invoice line: a feature type on a CXone cost centre. */
    public record Line(int lineNumber, String featureType, String costCenterId, BigDecimal amount,
                       BigDecimal taxAmount, String raw) {
    }
}
