package io.billinghub.focus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The carriers' telephony costs of a month as a FinOps FOCUS 1.2 cost file, from their invoices as billed: one Usage
 * row per invoice line (BilledCost its charge, the call's UTC day as charge period, its minutes as consumed and
 * pricing quantity), an Adjustment row for the invoice's other charges (X12 taxes and allowances or charges, which
 * the hub keeps as one sum), and an Adjustment row for what the stated total holds beyond its lines and other charges
 * (cents rounding, or a total the reconciliation flags). BilledCost therefore sums per InvoiceId to the invoice's
 * stated total (to its lines and other charges when it states none).
 *
 * <p>EffectiveCost is BilledCost: nothing is prepaid or amortised on a carrier invoice, and FOCUS defines
 * EffectiveCost as the amortised billed cost. The hub's own rating of the leg a line bills (the rate card in force,
 * the carrier's increments and rounding) is {@code x_HubRatedCost} beside it, with the leg's region; ContractedCost
 * and ListCost are BilledCost too, as no contracted unit price is stated per line.
 */
public final class CarrierFocusExport {

    public static final List<String> COLUMNS = FocusCsv.columns("x_CarrierId", "x_Region", "x_LegReference",
            "x_DestinationNumber", "x_InvoicePosition", "x_HubRatedCost");

    static final String SERVICE = "Outbound voice";
    static final String MINUTES = "Minutes";

    /** A current carrier invoice of the month. */
    public record Invoice(String carrierId, String carrierName, String number, String currency,
                          BigDecimal statedTotal, BigDecimal linesTotal, BigDecimal otherCharges) {
    }

    /** One invoice line, with the region and cost of the rated leg it bills (null when it bills none). */
    public record Line(String position, String legReference, String destinationNumber, LocalDate utcDay,
                       BigDecimal minutes, BigDecimal charge, String region, BigDecimal ratedCost) {
    }

    private final YearMonth period;

    public CarrierFocusExport(YearMonth period) {
        this.period = period;
    }

    /** The Usage row of an invoice line. */
    public Map<String, Object> line(Invoice invoice, Line line) {
        String minutes = line.minutes().stripTrailingZeros().toPlainString();
        Map<String, String> tags = new TreeMap<>();
        tags.put("x_CarrierId", invoice.carrierId());
        if (line.region() != null) {
            tags.put("x_Region", line.region());
        }
        return FocusCsv.row(COLUMNS, Arrays.asList(line.charge(), invoice.carrierId(), invoice.carrierName(),
                invoice.currency(), FocusCsv.start(period), FocusCsv.end(period), "Usage", null,
                "Call " + line.legReference() + " to " + line.destinationNumber() + ", " + minutes + " min",
                "Usage-Based", FocusCsv.instant(line.utcDay()), FocusCsv.instant(line.utcDay().plusDays(1)),
                minutes, MINUTES, line.charge(), line.charge(), invoice.number(), invoice.carrierName(),
                line.charge(), minutes, MINUTES, invoice.carrierName(), invoice.carrierName(), "Networking", SERVICE,
                invoice.carrierId() + "/" + (line.region() == null ? "unrated" : line.region()),
                FocusCsv.tags(tags), invoice.carrierId(), line.region(), line.legReference(),
                line.destinationNumber(), line.position(), line.ratedCost()));
    }

    /** The rows an invoice has beyond its lines: its other charges, and its stated total's remainder. */
    public List<Map<String, Object>> closing(Invoice invoice) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (invoice.otherCharges().signum() != 0) {
            rows.add(adjustment(invoice, invoice.otherCharges(),
                    "Other charges on the invoice (taxes, allowances and charges)"));
        }
        if (invoice.statedTotal() != null) {
            BigDecimal itemised = invoice.linesTotal().add(invoice.otherCharges());
            BigDecimal remainder = invoice.statedTotal().subtract(itemised);
            if (remainder.signum() != 0) {
                rows.add(adjustment(invoice, remainder, "Stated total " + invoice.statedTotal().toPlainString()
                        + " less lines and other charges " + itemised.toPlainString()));
            }
        }
        return rows;
    }

    private Map<String, Object> adjustment(Invoice invoice, BigDecimal amount, String description) {
        return FocusCsv.row(COLUMNS, Arrays.asList(amount, invoice.carrierId(), invoice.carrierName(),
                invoice.currency(), FocusCsv.start(period), FocusCsv.end(period), "Adjustment", null, description,
                "One-Time", FocusCsv.start(period), FocusCsv.end(period), null, null, amount, amount,
                invoice.number(), invoice.carrierName(), amount, null, null, invoice.carrierName(),
                invoice.carrierName(), "Networking", SERVICE, invoice.carrierId() + "/invoice",
                FocusCsv.tags(Map.of("x_CarrierId", invoice.carrierId())), invoice.carrierId(), null, null, null,
                null, null));
    }
}
