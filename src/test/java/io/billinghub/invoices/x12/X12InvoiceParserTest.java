package io.billinghub.invoices.x12;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Works on {@code two-sets.edi}: segment 1 is ISA, set 0001 runs from segment 3 to its SE at 25 (23 segments),
 * set 0002 from 26 to 34 (9 segments), GE is segment 35 and IEA 36.
 */
class X12InvoiceParserTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final String A1 = "TCD*LEG-A1*20261001*1022*ZZ*+15551230001*NY*ZZ*+15559990000*NY*2.5**0.80*0.75";

    private final X12InvoiceParser parser = new X12InvoiceParser();

    @Test
    void readsTwoTransactionSetsOfOneGroupAsTwoInvoices() {
        ParsedInvoiceFile file = parse(fixture());

        assertThat(file.format()).isEqualTo("x12-811");
        assertThat(file.invoices()).hasSize(2);

        Invoice a = file.invoices().get(0);
        assertThat(a.invoiceNumber()).isEqualTo("INV-811-A");
        assertThat(a.invoiceDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(a.currency()).isEqualTo("USD");
        assertThat(a.periodStart()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(a.periodEnd()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(a.statedTotal()).isEqualTo(new BigDecimal("2.00")); // TDS*200: two implied decimals
        // TXI 0.06 (in the TCD loop) + TXI 0.19 - SAC*A 50 (0.50) + SAC*C 100 (1.00) = 0.75
        assertThat(a.otherCharges()).isEqualTo(new BigDecimal("0.75"));
        assertThat(a.lines()).containsExactly(
                // 2026-10-01 10:22 EDT (UTC-4) = 14:22Z; TCD10 minutes; TCD13 net 0.75 wins over TCD12 0.80
                new InvoiceLine("segment 14", "INV-811-A", "LEG-A1", "+15551230001",
                        Instant.parse("2026-10-01T14:22:00Z"), new BigDecimal("2.5"), new BigDecimal("0.75"), A1),
                // 23:59:59 EDT = 03:59:59Z next day; no TCD10, so TCD11 125 s / 60 = 2.08333.. -> 2.083333;
                // no TCD13, so TCD12 0.50
                new InvoiceLine("segment 16", "INV-811-A", "LEG-A2", "+15551230002",
                        Instant.parse("2026-10-02T03:59:59Z"), new BigDecimal("2.083333"), new BigDecimal("0.50"),
                        "TCD*LEG-A2*20261001*235959*ZZ*+15551230002******125*0.50"));

        Invoice b = file.invoices().get(1);
        assertThat(b.invoiceNumber()).isEqualTo("INV-811-B");
        assertThat(b.currency()).isNull();
        // DTM*150 says 2026-10-31 and DTM*151 says 2026-10-01: inverted, so swapped.
        assertThat(b.periodStart()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(b.periodEnd()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(b.statedTotal()).isEqualTo(new BigDecimal("131.50")); // TDS*13150
        assertThat(b.otherCharges()).isEqualTo(new BigDecimal("1.50")); // TXI02 1.50 has its decimal point
        InvoiceLine b1 = b.lines().get(0);
        assertThat(b1.position()).isEqualTo("segment 31");
        // 2026-11-01 01:30 happens twice in New York: the earlier offset (EDT, UTC-4) gives 05:30Z.
        assertThat(b1.startTime()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
        assertThat(b1.minutes()).isEqualTo(new BigDecimal("60.0"));
        assertThat(b1.charge()).isEqualTo(new BigDecimal("130.00"));
    }

    @Test
    void rejectsUnreadableTcdSegmentsAndCountsEveryTcd() {
        ParsedInvoiceFile file = parse(fixture());

        assertThat(file.rejected()).extracting(RejectedRecord::position, RejectedRecord::raw).containsExactly(
                tuple("segment 17", "TCD*LEG-A3*20261131*1200*ZZ*+15551230003*****1***0.10"),
                tuple("segment 18", "TCD**20261002*0800*ZZ*+15551230004*****1***0.20"));
        assertThat(file.rejected().get(0).reason()).contains("TCD02 '20261131' is not a CCYYMMDD date");
        assertThat(file.rejected().get(1).reason()).contains("TCD01 (leg reference) is missing");
        // TCD segments: 14, 16, 17, 18 in set 0001 and 31 in set 0002 = 5 = 3 accepted + 2 rejected.
        assertThat(file.recordsIn()).isEqualTo(5);
        assertThat(file.acceptedLines()).isEqualTo(3);
        assertThat(file.summaryRecords()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "time 2460      | TCD*LEG-A1*20261001*2460*ZZ*+15551230001*NY*ZZ*+15559990000*NY*2.5**0.80*0.75"
                    + " | TCD03 '2460' is not an HHMM or HHMMSS time",
            "time 10:22     | TCD*LEG-A1*20261001*10:22*ZZ*+15551230001*NY*ZZ*+15559990000*NY*2.5**0.80*0.75"
                    + " | TCD03 '10:22'",
            "amount 0.7O    | TCD*LEG-A1*20261001*1022*ZZ*+15551230001*NY*ZZ*+15559990000*NY*2.5**0.80*0.7O"
                    + " | TCD13 '0.7O' is not a decimal number",
            "no amount      | TCD*LEG-A1*20261001*1022*ZZ*+15551230001*NY*ZZ*+15559990000*NY*2.5"
                    + " | neither TCD13 (net amount) nor TCD12",
            "no quantity    | TCD*LEG-A1*20261001*1022*ZZ*+15551230001*NY*ZZ*+15559990000*NY***0.80*0.75"
                    + " | neither TCD10 (minutes) nor TCD11 (seconds)",
            "state too long | TCD*LEG-A1*20261001*1022*ZZ*+15551230001*NYC*ZZ*+15559990000*NY*2.5**0.80*0.75"
                    + " | TCD06: data element too long 'NYC'"})
    void rejectsABadTcdWithItsSegmentPosition(String label, String badTcd, String reason) {
        ParsedInvoiceFile file = parse(fixture().replace(A1, badTcd));

        assertThat(file.rejected()).first().satisfies(r -> {
            assertThat(r.position()).isEqualTo("segment 14");
            assertThat(r.reason()).contains(reason);
            assertThat(r.raw()).isEqualTo(badTcd);
        });
        assertThat(file.invoices().get(0).lines()).extracting(InvoiceLine::legReference).containsExactly("LEG-A2");
        assertThat(file.recordsIn()).isEqualTo(5);
    }

    @Test
    void usesTcd10OverTcd11AndRoundsSecondsHalfUp() {
        String both = "TCD*LEG-A1*20261001*1022*ZZ*+15551230001*NY*ZZ*+15559990000*NY*2.5*999**0.75";
        String oneSecond = "TCD*LEG-A2*20261001*235959*ZZ*+15551230002******1*0.50";
        String text = fixture().replace(A1, both)
                .replace("TCD*LEG-A2*20261001*235959*ZZ*+15551230002******125*0.50", oneSecond);

        Invoice a = parse(text).invoices().get(0);

        assertThat(a.lines().get(0).minutes()).isEqualTo(new BigDecimal("2.5"));
        // 1 s / 60 = 0.0166666.. -> 0.016667 (6 decimals, HALF_UP)
        assertThat(a.lines().get(1).minutes()).isEqualTo(new BigDecimal("0.016667"));
    }

    @Test
    void readsExplicitDecimalsLiterallyAndImpliedDecimalsAsCents() {
        // TXI02 is an explicit decimal: 150 is 150, not 1.50 (the factor-100 trap the other way round).
        Invoice b = parse(fixture().replace("TXI*ST*1.50", "TXI*ST*150")).invoices().get(1);

        assertThat(b.otherCharges()).isEqualTo(new BigDecimal("150"));
        assertThat(b.statedTotal()).isEqualTo(new BigDecimal("131.50"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "TDS*13150      | TDS*131.50        | segment 33 | TDS01 '131.50' must be an amount with two implied decimals",
            "SAC*A*ZZZZ***50 | SAC*A*ZZZZ***0.50 | segment 22 | SAC05 '0.50' must be an amount with two implied decimals"})
    void failsWhenAnImpliedDecimalAmountIsWrittenWithADecimalPoint(String good, String bad, String position,
                                                                   String message) {
        assertThatThrownBy(() -> parse(fixture().replace(good, bad)))
                .isInstanceOf(InvalidInvoiceFileException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((InvalidInvoiceFileException) e).position()).isEqualTo(position);
    }

    @Test
    void leavesTheServicePeriodOpenWhenDtmIsMissing() {
        // Without its two DTM segments set 0001 has 21 segments.
        String text = fixture().replace("DTM*150*20261001~\nDTM*151*20261031~\n", "")
                .replace("SE*23*0001", "SE*21*0001");

        Invoice a = parse(text).invoices().get(0);

        assertThat(a.periodStart()).isNull();
        assertThat(a.periodEnd()).isNull();
    }

    @Test
    void keepsALoneServicePeriodEnd() {
        String text = fixture().replace("DTM*150*20261001~\n", "").replace("SE*23*0001", "SE*22*0001");

        Invoice a = parse(text).invoices().get(0);

        assertThat(a.periodStart()).isNull();
        assertThat(a.periodEnd()).isEqualTo(LocalDate.of(2026, 10, 31));
    }

    @Test
    void usesTheDelimitersTheIsaDeclaresWithOrWithoutLineBreaks() {
        // Element separator |, sub-element separator ^, segment terminator ! and CR LF after it; then none at all.
        String piped = fixture().replace('*', '|').replace("|>~", "|^~").replace("~\n", "!\r\n");
        String packed = fixture().replace("~\n", "~");

        ParsedInvoiceFile fromPiped = parse(piped);
        ParsedInvoiceFile fromPacked = parse(packed);
        ParsedInvoiceFile standard = parse(fixture());

        for (ParsedInvoiceFile file : new ParsedInvoiceFile[] {fromPiped, fromPacked}) {
            assertThat(file.invoices()).usingRecursiveComparison().ignoringFields("lines.raw")
                    .isEqualTo(standard.invoices());
            assertThat(file.rejected()).extracting(RejectedRecord::position)
                    .containsExactly("segment 17", "segment 18");
        }
        assertThat(fromPiped.invoices().get(0).lines().get(0).raw()).isEqualTo(A1.replace('*', '|'));
        assertThat(fromPacked.invoices().get(0).lines().get(0).raw()).isEqualTo(A1);
    }

    @Test
    void failsTheFileWhenItIsNotUtf8() {
        byte[] bytes = fixture().replace("Carrier X", "Carrier \u00c9").getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> ParsedInvoiceFile.read(parser, new ByteArrayInputStream(bytes), NEW_YORK))
                .isInstanceOf(InvalidInvoiceFileException.class)
                .hasMessageContaining("not valid UTF-8")
                .extracting(e -> ((InvalidInvoiceFileException) e).position()).isEqualTo("segment 10");
    }

    ParsedInvoiceFile parse(String text) {
        return ParsedInvoiceFile.read(parser, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                NEW_YORK);
    }

    static String fixture() {
        try (InputStream in = X12InvoiceParserTest.class.getResourceAsStream("/invoices/x12/two-sets.edi")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
