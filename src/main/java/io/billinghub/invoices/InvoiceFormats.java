package io.billinghub.invoices;

import io.billinghub.invoices.csv.CsvInvoiceParser;
import io.billinghub.invoices.x12.X12InvoiceParser;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Picks the parser by content, not by file name: an X12 interchange always begins with "ISA" (after an optional
 * byte-order mark and white space); anything else is read as the carrier CSV format.
 */
@Component
public class InvoiceFormats {

    private final InvoiceParser csv = new CsvInvoiceParser();
    private final InvoiceParser x12 = new X12InvoiceParser();

    public InvoiceParser parserFor(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 64), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").stripLeading();
        return head.startsWith("ISA") ? x12 : csv;
    }
}
