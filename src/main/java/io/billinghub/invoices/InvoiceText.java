package io.billinghub.invoices;

import io.billinghub.platform.Utf8Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a carrier file as UTF-8 text, refusing anything that is not, so no record is parsed from mangled bytes. */
public final class InvoiceText {

    private InvoiceText() {
    }

    /**
     * @return the file content without a leading byte order mark
     * @throws InvalidInvoiceFileException naming the line of the first byte that is not UTF-8, or of a NUL character
     *                                     (binary content that happens to decode)
     */
    public static String readUtf8(InputStream content) {
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the invoice file", e);
        }
        try {
            return Utf8Text.decode(bytes);
        } catch (Utf8Text.NotText e) {
            throw new InvalidInvoiceFileException("line " + Utf8Text.lineAt(bytes, e.offset()),
                    "the file is not text: " + e.getMessage());
        }
    }
}
