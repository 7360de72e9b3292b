package io.billinghub.sandbox.cxone;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A CXone monthly invoice ({@code GET /api/v2/billing/invoices?billingPeriod=yyyy-MM}), all amounts in USD with 2
 * decimals, written as decimal strings ("1234.56").
 *
 * @param billingWindowStart the first second of the billing month in the reporting time zone, as an instant
 * @param billingWindowEnd   its last second (inclusive): the window a usage report must use to match this invoice
 */
@JsonPropertyOrder({"invoiceId", "billingPeriod", "status", "reportingTimeZone", "currencyCode", "issuedAt",
        "billingWindowStart", "billingWindowEnd", "lines", "totalAmount", "totalTax"})
public record CxoneSandboxInvoice(
        String invoiceId,
        @JsonSerialize(using = ToStringSerializer.class) YearMonth billingPeriod,
        String status,
        String reportingTimeZone,
        String currencyCode,
        @JsonSerialize(using = ToStringSerializer.class) Instant issuedAt,
        @JsonSerialize(using = ToStringSerializer.class) Instant billingWindowStart,
        @JsonSerialize(using = ToStringSerializer.class) Instant billingWindowEnd,
        List<Line> lines,
        @JsonSerialize(using = CxoneJson.PlainString.class) BigDecimal totalAmount,
        @JsonSerialize(using = CxoneJson.PlainString.class) BigDecimal totalTax) {

    /** One invoice line: the charges of one featureType on one cost centre. */
    @JsonPropertyOrder({"lineNumber", "featureType", "costCenterId", "amount", "taxAmount"})
    public record Line(
            int lineNumber,
            CxoneFeatureType featureType,
            String costCenterId,
            @JsonSerialize(using = CxoneJson.PlainString.class) BigDecimal amount,
            @JsonSerialize(using = CxoneJson.PlainString.class) BigDecimal taxAmount) {
    }

    public CxoneSandboxInvoice {
        lines = List.copyOf(lines);
    }

    /** The line of a featureType and cost centre, or null. */
    public Line line(CxoneFeatureType featureType, String costCenterId) {
        return lines.stream()
                .filter(line -> line.featureType() == featureType && line.costCenterId().equals(costCenterId))
                .findFirst().orElse(null);
    }
}
