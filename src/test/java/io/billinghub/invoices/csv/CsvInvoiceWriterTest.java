package io.billinghub.invoices.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billinghub.invoices.Invoice;
import io.billinghub.invoices.InvoiceLine;
import io.billinghub.invoices.ParsedInvoiceFile;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvInvoiceWriterTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final List<Invoice> INVOICES = List.of(
            new Invoice("INV-1", LocalDate.of(2026, 11, 2), null, null, "EUR", new BigDecimal("-0.4375"),
                    BigDecimal.ZERO, List.of(
                    line("INV-1", "L1", "+33142000001", "2026-10-01T08:15:30Z", "2.5", "0.0625"),
                    line("INV-1", "L2", null, "2026-10-31T23:30:00Z", "0.75", "-0.50"))),
            new Invoice("INV-2", null, null, null, null, null, BigDecimal.ZERO, List.of(
                    line("INV-2", "L3", "+33142000003", "2026-10-01T22:00:00Z", "1", "0.000169"))));

    private final CsvInvoiceWriter writer = new CsvInvoiceWriter();

    @Test
    void writesLocalTimesAndTotalsAsACarrierWould() {
        String csv = writer.write(INVOICES, PARIS);

        // Paris is UTC+2 until 2026-10-25 and UTC+1 after: 08:15:30Z is 10:15:30 local,
        // 2026-10-31T23:30Z is 00:30 on 1 November, 2026-10-01T22:00Z is midnight on 2 October.
        assertThat(csv).isEqualTo("""
                record_type,invoice_number,invoice_date,currency,leg_reference,destination_number,start_time,minutes,charge\r
                LINE,INV-1,2026-11-02,EUR,L1,+33142000001,2026-10-01T10:15:30,2.5,0.0625\r
                LINE,INV-1,2026-11-02,EUR,L2,,2026-11-01T00:30:00,0.75,-0.50\r
                TOTAL,INV-1,2026-11-02,EUR,,,,,-0.4375\r
                LINE,INV-2,,,L3,+33142000003,2026-10-02T00:00:00,1,0.000169\r
                """);
    }

    @Test
    void writtenFileParsesBackToTheSameInvoices() {
        String csv = writer.write(INVOICES, PARIS);

        ParsedInvoiceFile parsed = ParsedInvoiceFile.read(new CsvInvoiceParser(),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), PARIS);

        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.invoices()).usingRecursiveComparison()
                .ignoringFields("lines.position", "lines.raw")
                .isEqualTo(INVOICES);
        // Positions are the physical lines of the written file: the header is line 1.
        assertThat(parsed.invoices().get(1).lines().get(0).position()).isEqualTo("line 5");
    }

    @Test
    void refusesInvoicesWithOtherChargesItCannotWrite() {
        Invoice withTax = new Invoice("INV-3", null, null, null, null, null, new BigDecimal("1.20"), List.of());

        assertThatThrownBy(() -> writer.write(List.of(withTax), PARIS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INV-3");
    }

    private static InvoiceLine line(String invoice, String leg, String destination, String start, String minutes,
                                    String charge) {
        return new InvoiceLine(null, invoice, leg, destination, Instant.parse(start), new BigDecimal(minutes),
                new BigDecimal(charge), null);
    }
}
