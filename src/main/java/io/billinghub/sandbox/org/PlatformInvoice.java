package io.billinghub.sandbox.org;

import io.billinghub.extraction.org.OrgRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** A tenant's platform invoice for a month, issued at {@code issuedAt} (the end of the billing cycle). */
public record PlatformInvoice(String invoiceId, YearMonth period, String currency, Instant issuedAt,
                              List<OrgRecord.PlatformCharge> lines) {

    public PlatformInvoice {
        lines = List.copyOf(lines);
    }

    public BigDecimal total() {
        return lines.stream().map(OrgRecord.PlatformCharge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The sum of one category's lines (0 when it has none). */
    public BigDecimal total(String category) {
        return lines.stream().filter(line -> line.category().equals(category))
                .map(OrgRecord.PlatformCharge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
