package io.billinghub.wholesale;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** A Webex partner invoice for one month: lines per SKU and customer (a line without customer is partner-level). */
public record PartnerInvoice(String invoiceNumber, YearMonth period, String currency, List<Line> lines) {

    public record Line(int lineNo, String partnerOrgId, String customerOrgId, String customerExternalId, String sku,
                       String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    }

    public BigDecimal total() {
        return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
