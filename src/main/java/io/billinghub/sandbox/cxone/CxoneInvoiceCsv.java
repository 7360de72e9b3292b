package io.billinghub.sandbox.cxone;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The invoice as the CSV a finance team downloads from CXone and drops over SFTP: a header row, one LINE row per
 * invoice line and one TOTAL row (amount = totalAmount, tax_amount = totalTax, feature and cost centre empty).
 * UTF-8, lines end with LF, no value needs quoting.
 *
 * <pre>
 * record_type,invoice_id,billing_period,feature_type,cost_center_id,amount,tax_amount,currency
 * LINE,INV-CX-2026-10,2026-10,VOICE_CALL,cc_marketing,1234.56,98.76,USD
 * TOTAL,INV-CX-2026-10,2026-10,,,45678.90,3654.31,USD
 * </pre>
 */
public final class CxoneInvoiceCsv {

    public static final String HEADER =
            "record_type,invoice_id,billing_period,feature_type,cost_center_id,amount,tax_amount,currency";

    private CxoneInvoiceCsv() {
    }

    public static String write(CxoneSandboxInvoice invoice) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (CxoneSandboxInvoice.Line line : invoice.lines()) {
            row(csv, "LINE", invoice, line.featureType().name(), line.costCenterId(), line.amount().toPlainString(),
                    line.taxAmount().toPlainString());
        }
        row(csv, "TOTAL", invoice, "", "", invoice.totalAmount().toPlainString(),
                invoice.totalTax().toPlainString());
        return csv.toString();
    }

    public static byte[] bytes(CxoneSandboxInvoice invoice) {
        return write(invoice).getBytes(UTF_8);
    }

    /** The file name finance gives the download: {@code cxone-INV-CX-2026-10.csv}. */
    public static String fileName(CxoneSandboxInvoice invoice) {
        return "cxone-" + invoice.invoiceId() + ".csv";
    }

    private static void row(StringBuilder csv, String type, CxoneSandboxInvoice invoice, String feature,
                            String costCentre, String amount, String tax) {
        csv.append(String.join(",", type, invoice.invoiceId(), invoice.billingPeriod().toString(), feature,
                costCentre, amount, tax, invoice.currencyCode())).append('\n');
    }
}
