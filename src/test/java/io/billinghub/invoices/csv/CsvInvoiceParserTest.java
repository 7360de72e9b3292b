package io.billinghub.invoices.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.invoices.InvalidInvoiceFileException;
import io.billinghub.invoices.Invoice;
import io.billinghub.invoices.InvoiceLine;
import io.billinghub.invoices.ParsedInvoiceFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CsvInvoiceParserTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final CsvInvoiceParser parser = new CsvInvoiceParser();

    @Test
    void readsTwoInvoicesWithTotalsWhateverTheColumnOrder() {
        ParsedInvoiceFile file = ParsedInvoiceFile.read(parser, fixture("two-invoices.csv"), NEW_YORK);

        assertThat(file.format()).isEqualTo("csv");
        assertThat(file.rejected()).isEmpty();
        // Six non-blank records below the header: four LINE rows and two TOTAL rows.
        assertThat(file.recordsIn()).isEqualTo(6);
        assertThat(file.acceptedLines()).isEqualTo(4);
        assertThat(file.summaryRecords()).isEqualTo(2);
        assertThat(file.invoices()).extracting(Invoice::invoiceNumber).containsExactly("INV-100", "INV-200");

        Invoice first = file.invoices().get(0);
        assertThat(first.invoiceDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(first.currency()).isEqualTo("USD");
        assertThat(first.statedTotal()).isEqualTo(new BigDecimal("0.0875"));
        assertThat(first.otherCharges()).isEqualTo(BigDecimal.ZERO);
        assertThat(first.periodStart()).isNull();
        assertThat(first.periodEnd()).isNull();
        // 2026-10-01 is summer time in New York (UTC-4): 10:22:10 local is 14:22:10Z, 23:59 is 03:59Z next day.
        assertThat(first.lines()).containsExactly(
                new InvoiceLine("line 2", "INV-100", "LEG-1", "+15551230001", Instant.parse("2026-10-01T14:22:10Z"),
                        new BigDecimal("2.5"), new BigDecimal("0.0625"),
                        "INV-100,LINE,LEG-1,2026-10-01T10:22:10,+15551230001,2.5,0.0625,USD,2026-11-02,first call"),
                new InvoiceLine("line 3", "INV-100", "LEG-2", "+15551230002", Instant.parse("2026-10-02T03:59:00Z"),
                        new BigDecimal("1"), new BigDecimal("0.025"),
                        "INV-100,LINE,LEG-2,2026-10-01 23:59,+15551230002,1,0.025,USD,2026-11-02,"));

        Invoice second = file.invoices().get(1);
        assertThat(second.invoiceDate()).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(second.currency()).isEqualTo("USD"); // written "usd" on its TOTAL row
        assertThat(second.statedTotal()).isEqualTo(new BigDecimal("-0.099831"));
        InvoiceLine scientific = second.lines().get(0);
        assertThat(scientific.position()).isEqualTo("line 4");
        assertThat(scientific.startTime()).isEqualTo(Instant.parse("2026-10-02T08:00:00Z")); // Z: as given
        // 1.69E-4 is exactly 0.000169: unscaled 169, scale 6.
        assertThat(scientific.charge()).isEqualTo(new BigDecimal("0.000169"));
        InvoiceLine credit = second.lines().get(1);
        // The blank line 7 is skipped, but the TOTAL below it is still "line 8"; the credit is line 6.
        assertThat(credit.position()).isEqualTo("line 6");
        assertThat(credit.destinationNumber()).isNull();
        assertThat(credit.startTime()).isEqualTo(Instant.parse("2026-10-02T07:00:00Z")); // 09:00+02:00
        assertThat(credit.charge()).isEqualTo(new BigDecimal("-0.10"));
    }

    @Test
    void convertsNewYorkLocalTimesAcrossBothDstChanges() {
        ParsedInvoiceFile file = ParsedInvoiceFile.read(parser, fixture("dst-new-york.csv"), NEW_YORK);

        assertThat(file.invoices().get(0).lines()).extracting(InvoiceLine::legReference, InvoiceLine::startTime)
                .containsExactly(
                        // 2026-11-01 01:30 happens twice (EDT -4, then EST -5): the earlier offset gives 05:30Z.
                        tuple("FALL-BACK", Instant.parse("2026-11-01T05:30:00Z")),
                        // 02:30 after the fall-back is EST (-5): 07:30Z.
                        tuple("AFTER-FALL-BACK", Instant.parse("2026-11-01T07:30:00Z")),
                        // 2026-03-08 01:59:59 is still EST (-5): 06:59:59Z.
                        tuple("BEFORE-GAP", Instant.parse("2026-03-08T06:59:59Z")),
                        // 02:30 does not exist (02:00 jumps to 03:00): shifted forward to 03:30 EDT (-4) = 07:30Z.
                        tuple("IN-GAP", Instant.parse("2026-03-08T07:30:00Z")));
    }

    @Test
    void rejectsMalformedRecordsWithTheirLineAndKeepsTheRest() {
        ParsedInvoiceFile file = ParsedInvoiceFile.read(parser, fixture("malformed.csv"), NEW_YORK);

        assertThat(file.invoices()).hasSize(1);
        Invoice invoice = file.invoices().get(0);
        assertThat(invoice.lines()).extracting(InvoiceLine::position, InvoiceLine::legReference)
                .containsExactly(tuple("line 2", "L1"),
                        tuple("line 11", "L9"));
        assertThat(invoice.statedTotal()).isEqualTo(new BigDecimal("0.70"));

        assertThat(file.rejected()).extracting(RejectedRecord::position).containsExactly(
                "line 3", "line 5", "line 6", "line 7", "line 8", "line 9", "line 10", "line 13", "line 14");
        assertThat(file.rejected()).extracting(RejectedRecord::reason).satisfiesExactly(
                r -> assertThat(r).contains("minutes", "'abc'"),
                r -> assertThat(r).contains("start_time", "'2026-10-32T10:00:00'"),
                r -> assertThat(r).contains("expected 7 fields", "found 6"),
                r -> assertThat(r).isEqualTo("leg_reference is empty"),
                r -> assertThat(r).contains("record_type", "'CALL'"),
                r -> assertThat(r).isEqualTo("invoice_number is empty"),
                r -> assertThat(r).contains("charge", "'0,40'"),
                r -> assertThat(r).contains("second TOTAL", "0.70"),
                r -> assertThat(r).contains("malformed CSV"));
        assertThat(file.rejected().get(0).raw())
                .isEqualTo("LINE,INV-1,L2,+15550000002,2026-10-01T10:05:00,abc,0.30");

        // Records below the header: lines 2-3 and 5-14 (line 4 is blank) = 12,
        // which is 2 accepted LINE rows + 1 accepted TOTAL row + 9 rejected.
        assertThat(file.recordsIn()).isEqualTo(12);
        assertThat(file.acceptedLines() + file.summaryRecords() + file.rejected().size()).isEqualTo(file.recordsIn());
    }

    @Test
    void rejectsRecordsThatContradictTheirInvoiceOrStateUnknownCurrencies() {
        String csv = """
                record_type,invoice_number,invoice_date,currency,leg_reference,destination_number,start_time,minutes,charge
                LINE,INV-1,2026-11-02,EUR,L1,+33100000001,2026-10-01T10:00:00,1,0.10
                LINE,INV-1,2026-11-02,USD,L2,+33100000002,2026-10-01T10:00:00,1,0.10
                LINE,INV-1,2026-11-03,EUR,L3,+33100000003,2026-10-01T10:00:00,1,0.10
                LINE,INV-1,2026-11-02,XYZ,L4,+33100000004,2026-10-01T10:00:00,1,0.10
                LINE,INV-1,02/11/2026,EUR,L5,+33100000005,2026-10-01T10:00:00,1,0.10
                LINE,INV-1,,,L6,+33100000006,2026-10-01T10:00:00,-1,0.10
                """;

        ParsedInvoiceFile file = ParsedInvoiceFile.read(parser, text(csv), ZoneId.of("Europe/Paris"));

        assertThat(file.invoices().get(0).lines()).extracting(InvoiceLine::legReference).containsExactly("L1");
        assertThat(file.invoices().get(0).currency()).isEqualTo("EUR");
        assertThat(file.rejected()).extracting(RejectedRecord::reason).satisfiesExactly(
                r -> assertThat(r).contains("currency 'USD' differs from 'EUR'"),
                r -> assertThat(r).contains("invoice_date '2026-11-03' differs from '2026-11-02'"),
                r -> assertThat(r).contains("'XYZ' is not an ISO 4217"),
                r -> assertThat(r).contains("invoice_date '02/11/2026'"),
                r -> assertThat(r).contains("minutes '-1' is negative"));
    }

    @Test
    void failsTheFileWhenRequiredColumnsAreMissing() {
        String csv = """
                record_type,invoice_number,leg_reference,destination_number,start_time,duration
                LINE,INV-1,L1,+15550000001,2026-10-01T10:00:00,1.5
                """;

        assertThatThrownBy(() -> ParsedInvoiceFile.read(parser, text(csv), NEW_YORK))
                .isInstanceOf(InvalidInvoiceFileException.class)
                .hasMessageContaining("minutes, charge")
                .extracting(e -> ((InvalidInvoiceFileException) e).position()).isEqualTo("line 1");
    }

    @Test
    void failsTheFileWhenItIsEmptyOrBlank() {
        assertThatThrownBy(() -> ParsedInvoiceFile.read(parser, text(""), NEW_YORK))
                .isInstanceOf(InvalidInvoiceFileException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> ParsedInvoiceFile.read(parser, text("\uFEFF\n  \n"), NEW_YORK))
                .isInstanceOf(InvalidInvoiceFileException.class).hasMessageContaining("empty");
    }

    @Test
    void failsTheFileWhenItIsNotUtf8Text() {
        byte[] header = "record_type,invoice_number,leg_reference,destination_number,start_time,minutes,charge\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] latin1Line = "LINE,INV-1,L1,Z\u00fcrich,2026-10-01T10:00:00,1,0.10\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] content = new byte[header.length + latin1Line.length];
        System.arraycopy(header, 0, content, 0, header.length);
        System.arraycopy(latin1Line, 0, content, header.length, latin1Line.length);

        assertThatThrownBy(() -> ParsedInvoiceFile.read(parser, new ByteArrayInputStream(content), NEW_YORK))
                .isInstanceOf(InvalidInvoiceFileException.class)
                .hasMessageContaining("not valid UTF-8")
                .extracting(e -> ((InvalidInvoiceFileException) e).position()).isEqualTo("line 2");
        assertThatThrownBy(() -> ParsedInvoiceFile.read(parser, new ByteArrayInputStream(new byte[] {'a', 0, 'b'}),
                NEW_YORK))
                .isInstanceOf(InvalidInvoiceFileException.class).hasMessageContaining("NUL");
    }

    @Test
    void toleratesAByteOrderMarkAndCrLfLineEnds() {
        String csv = "\uFEFFrecord_type,invoice_number,leg_reference,destination_number,start_time,minutes,charge\r\n"
                + "LINE,INV-1,L1,+15550000001,2026-10-01T10:00,1.5,0.30\r\n";

        ParsedInvoiceFile file = ParsedInvoiceFile.read(parser, text(csv), NEW_YORK);

        InvoiceLine line = file.invoices().get(0).lines().get(0);
        assertThat(line.position()).isEqualTo("line 2");
        assertThat(line.raw()).isEqualTo("LINE,INV-1,L1,+15550000001,2026-10-01T10:00,1.5,0.30");
        assertThat(line.startTime()).isEqualTo(Instant.parse("2026-10-01T14:00:00Z")); // EDT, seconds omitted
    }

    @Test
    void readsUtcTimesAsGivenAndRejectsImpossibleOnes() {
        String csv = "record_type,invoice_number,leg_reference,destination_number,start_time,minutes,charge\n"
                + "LINE,INV-1,L1,+15550000001,2026-10-01T23:59:59Z,1,0.10\n"
                + "LINE,INV-1,L2,+15550000002,2026-02-29T10:00:00Z,1,0.10\n"
                + "LINE,INV-1,L3,+15550000003,2026-10-01T24:00:00Z,1,0.10\n";

        ParsedInvoiceFile file = ParsedInvoiceFile.read(parser, text(csv), NEW_YORK);

        // Z: UTC as written, not New York time
        assertThat(file.invoices().get(0).lines()).extracting(InvoiceLine::startTime)
                .containsExactly(Instant.parse("2026-10-01T23:59:59Z"));
        // 2026 is no leap year; hour 24 does not exist
        assertThat(file.rejected()).extracting(RejectedRecord::position).containsExactly("line 3", "line 4");
        assertThat(file.rejected()).extracting(RejectedRecord::reason).satisfiesExactly(
                r -> assertThat(r).contains("start_time", "'2026-02-29T10:00:00Z'"),
                r -> assertThat(r).contains("start_time", "'2026-10-01T24:00:00Z'"));
    }

    static InputStream fixture(String name) {
        InputStream in = CsvInvoiceParserTest.class.getResourceAsStream("/invoices/csv/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("no fixture " + name));
        }
        return in;
    }

    static InputStream text(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }
}
