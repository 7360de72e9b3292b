package io.billinghub.invoices.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billinghub.invoices.Invoice;
import io.billinghub.invoices.InvoiceLine;
import io.billinghub.invoices.ParsedInvoiceFile;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class X12InvoiceWriterTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-05T09:30:00Z"), ZoneOffset.UTC);

    private final X12InvoiceWriter writer = new X12InvoiceWriter("CARRIERX", "BILLINGHUB", CLOCK);

    @Test
    void writesAnInterchangeWithCountsControlNumbersAndImpliedDecimals() {
        Invoice invoice = new Invoice("INV-W1", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31), "USD", new BigDecimal("131.50"), new BigDecimal("1.50"), List.of(
                line("INV-W1", "L1", "+13125550001", "2026-10-01T15:22:10Z", "2.5", "130.00")));

        String x12 = writer.write(List.of(invoice), CHICAGO, 42);

        // 15:22:10Z is 10:22:10 in Chicago (CDT, UTC-5). The set is ST, BIG, CUR, 2 DTM, HL, TCD, TDS, SAC, SE:
        // 10 segments. TDS01 131.50 -> 13150 and SAC05 1.50 -> 150 (two implied decimals).
        assertThat(x12).isEqualTo("""
                ISA*00*          *00*          *ZZ*CARRIERX       *ZZ*BILLINGHUB     *261105*0930*U*00401*000000042*0*P*>~
                GS*CI*CARRIERX*BILLINGHUB*20261105*0930*42*X*004010~
                ST*811*0001~
                BIG*20261102*INV-W1~
                CUR*SE*USD~
                DTM*150*20261001~
                DTM*151*20261031~
                HL*1**1~
                TCD*L1*20261001*102210*ZZ*+13125550001*****2.5***130.00~
                TDS*13150~
                SAC*C*ZZZZ***150~
                SE*10*0001~
                GE*1*42~
                IEA*1*000000042~
                """);
    }

    @Test
    void totalsTheLinesAndOtherChargesWhenNoTotalIsStated() {
        Invoice invoice = new Invoice("INV-W2", LocalDate.of(2026, 11, 2), null, null, null, null,
                new BigDecimal("-0.50"), List.of(
                line("INV-W2", "L1", null, "2026-10-01T15:00:00Z", "1", "0.75"),
                line("INV-W2", "L2", null, "2026-10-01T16:00:00Z", "1", "0.505")));

        String x12 = writer.write(List.of(invoice), CHICAGO, 7);

        // 0.75 + 0.505 - 0.50 = 0.755, HALF_UP to cents 0.76 -> TDS*76; the credit is an allowance of 50 cents.
        assertThat(x12).contains("TDS*76~\n", "SAC*A*ZZZZ***50~\n", "TCD*L2*20261001*110000*******1***0.505~\n");
    }

    @Test
    void writtenFileParsesBackToTheSameInvoices() {
        List<Invoice> invoices = List.of(
                new Invoice("INV-W1", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
                        "USD", new BigDecimal("131.50"), new BigDecimal("1.50"), List.of(
                        line("INV-W1", "leg-0b8f1b1e-6a55-3c35-9d4e-2f4b3c1d7e90", "+13125550001",
                                "2026-10-01T15:22:10Z", "2.5", "130.00"),
                        line("INV-W1", "L2", null, "2026-11-01T12:00:00Z", "0.016667", "-0.000169"))),
                new Invoice("INV-W2", LocalDate.of(2026, 11, 3), null, null, null, new BigDecimal("0.00"),
                        BigDecimal.ZERO, List.of()));

        String x12 = writer.write(invoices, CHICAGO, 123456789);
        ParsedInvoiceFile parsed = ParsedInvoiceFile.read(new X12InvoiceParser(),
                new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8)), CHICAGO);

        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.recordsIn()).isEqualTo(2);
        assertThat(parsed.invoices()).usingRecursiveComparison()
                .ignoringFields("lines.position", "lines.raw")
                .isEqualTo(invoices);
        // ISA, GS, then ST BIG CUR DTM DTM HL: the first TCD is segment 9.
        assertThat(parsed.invoices().get(0).lines().get(0).position()).isEqualTo("segment 9");
    }

    @Test
    void refusesWhatX12CannotCarry() {
        Invoice subCentTotal = new Invoice("INV-W3", LocalDate.of(2026, 11, 2), null, null, null,
                new BigDecimal("1.005"), BigDecimal.ZERO, List.of());
        Invoice undated = new Invoice("INV-W4", null, null, null, null, null, BigDecimal.ZERO, List.of());

        assertThatThrownBy(() -> writer.write(List.of(subCentTotal), CHICAGO, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.005");
        assertThatThrownBy(() -> writer.write(List.of(undated), CHICAGO, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INV-W4");
    }

    private static InvoiceLine line(String invoice, String leg, String destination, String start, String minutes,
                                    String charge) {
        return new InvoiceLine(null, invoice, leg, destination, Instant.parse(start), new BigDecimal(minutes),
                new BigDecimal(charge), null);
    }
}
