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

    /** How much of the start of a file the choice looks at. */
    public static final int HEAD = 64;

    private final InvoiceParser csv = new CsvInvoiceParser();
    private final InvoiceParser x12 = new X12InvoiceParser();

    /** @param start the file's first bytes: {@link #HEAD} of them, or the whole file when it is shorter */
    public InvoiceParser parserFor(byte[] start) {
        String head = new String(start, 0, Math.min(start.length, HEAD), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").stripLeading();
        return head.startsWith("ISA") ? x12 : csv;
    }
}
