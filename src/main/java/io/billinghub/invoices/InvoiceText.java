package io.billinghub.invoices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads a carrier file as UTF-8 text, refusing anything that is not, so no record is parsed from mangled bytes. */
public final class InvoiceText {

    private static final char BOM = '\uFEFF';

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
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new InvalidInvoiceFileException(lineAt(bytes, in.position()),
                    "the file is not valid UTF-8 text (byte " + (in.position() + 1) + ")");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new InvalidInvoiceFileException(lineAt(text, nul), "the file holds NUL characters: it is not text");
        }
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    private static String lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return "line " + line;
    }

    private static String lineAt(String text, int offset) {
        return "line " + (1 + text.substring(0, offset).chars().filter(c -> c == '\n').count());
    }
}
