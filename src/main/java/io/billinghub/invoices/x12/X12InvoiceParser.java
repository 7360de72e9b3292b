package io.billinghub.invoices.x12;

import io.billinghub.invoices.InvalidInvoiceFileException;
import io.billinghub.invoices.InvoiceParser;
import io.billinghub.invoices.InvoiceSink;
import io.billinghub.invoices.RecordCounts;
import io.billinghub.platform.Utf8Text;
import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIInputFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * Reads X12 811 consolidated service invoices (format name {@value #FORMAT}) with StAEDI.
 *
 * <p>The file is UTF-8 text holding ISA/IEA interchanges with GS/GE functional groups of ID {@code CI} and ST/SE
 * transaction sets of type 811; each transaction set is one invoice. Delimiters are the ones the ISA declares, and
 * line breaks after segment terminators are ignored. StAEDI checks the envelope and the transaction set against
 * its X12 control schema and our 811 schema ({@code /x12/811.xml}); the counts and control numbers (SE01, SE02,
 * GE01, GE02, IEA01, IEA02) are also checked here so the error can say what was expected. Any envelope or
 * structure error, an X12 syntax error, a bad value in a segment outside TCD, or a set other than 811 fails the
 * whole file.
 *
 * <p>What is read:
 * <ul>
 *   <li>BIG01 invoice date (CCYYMMDD), BIG02 invoice number; CUR02 currency (ISO 4217).</li>
 *   <li>DTM*150 / DTM*151 service period start / end (the first of each); swapped when start is after end.</li>
 *   <li>TCD: one itemised call each. TCD01 leg reference (up to 80 characters: wider than the standard's 20, for
 *       our leg IDs), TCD02 date and TCD03 time (HHMM or HHMMSS, local time in the carrier zone, converted with
 *       {@link io.billinghub.invoices.CarrierTime#toUtc}), TCD05 destination number, TCD10 minutes, else TCD11
 *       seconds / 60 (HALF_UP, 6 decimals), neither negative; TCD13 net amount, else TCD12 undiscounted amount.
 *       Amounts and quantities carry an explicit decimal point, with at most 12 digits before it and 6 after it (as
 *       the hub keeps them). A TCD that cannot be read is rejected at
 *       {@code segment N} (N counts segments from the start of the file, ISA = 1), with the segment's text as
 *       written, and the rest of the set is kept.</li>
 *   <li>TXI02 tax amounts (explicit decimal point) and SAC05 allowances ({@code A}, negative) and charges
 *       ({@code C}; {@code N} is informational and ignored) with two implied decimals, wherever in the set: summed
 *       into otherCharges.</li>
 *   <li>TDS01 total with two implied decimals: {@code 13150} is 131.50 (at most 14 digits).</li>
 * </ul>
 * {@code recordsIn} counts TCD segments, accepted and rejected; X12 has no summary records. Lines are handed on as
 * they are read, but the file's text is held while it is read: X12 invoices come far smaller than the CSV ones.
 */
public class X12InvoiceParser implements InvoiceParser {

    public static final String FORMAT = "x12-811";

    private static final String SCHEMA = "/x12/811.xml";

    private final EDIInputFactory inputFactory;
    private final Schema transactionSchema;

    public X12InvoiceParser() {
        inputFactory = EDIInputFactory.newFactory();
        inputFactory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
        try (InputStream schema = X12InvoiceParser.class.getResourceAsStream(SCHEMA)) {
            if (schema == null) {
                throw new IllegalStateException("the 811 schema " + SCHEMA + " is not on the classpath");
            }
            transactionSchema = SchemaFactory.newFactory().createSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (EDISchemaException e) {
            throw new IllegalStateException("the 811 schema " + SCHEMA + " cannot be loaded", e);
        }
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public RecordCounts parse(InputStream content, ZoneId carrierZone, InvoiceSink sink) {
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the invoice file", e);
        }
        String text;
        try {
            text = Utf8Text.decode(bytes);
        } catch (Utf8Text.NotText e) {
            // one char per byte: the terminators before the bad byte are counted as bytes
            String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
            throw new InvalidInvoiceFileException(X12FileReading.position(X12FileReading.segmentAt(latin1,
                    e.offset())), "the file is not text: " + e.getMessage());
        }
        // InvoiceFormats took the file as X12 after white space: StAEDI wants the ISA first
        return new X12FileReading(text.stripLeading(), carrierZone, transactionSchema, sink).read(inputFactory);
    }
}
