package io.billinghub.invoices.x12;

import static io.billinghub.invoices.x12.X12InvoiceParserTest.NEW_YORK;
import static io.billinghub.invoices.x12.X12InvoiceParserTest.fixture;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billinghub.invoices.ParsedInvoiceFile;
import io.billinghub.invoices.InvalidInvoiceFileException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every broken envelope fails the whole file with the segment and what is wrong. Positions refer to
 * {@code two-sets.edi}: GS is segment 2, the first SE 25, the second ST 26, GE 35, IEA 36.
 */
class X12EnvelopeTest {

    private final X12InvoiceParser parser = new X12InvoiceParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "SE01 count wrong | SE*23*0001      | SE*22*0001      | segment 25 | SE01 says 22 segments but the transaction set has 23",
            "SE02 is not ST02 | SE*23*0001      | SE*23*0003      | segment 25 | SE02 0003 does not match ST02 0001",
            "GE02 is not GS06 | GE*2*42         | GE*2*41         | segment 35 | GE02 41 does not match GS06 42",
            "GE01 count wrong | GE*2*42         | GE*1*42         | segment 35 | GE01 says 1 transaction sets but the group has 2",
            "IEA02 not ISA13  | IEA*1*000000042 | IEA*1*000000043 | segment 36 | IEA02 000000043 does not match ISA13 000000042",
            "IEA01 count wrong| IEA*1*000000042 | IEA*2*000000042 | segment 36 | IEA01 says 2 functional groups but the interchange has 1",
            "an 810 set       | ST*811*0002     | ST*810*0002     | segment 26 | ST01 is '810' but only 811 transaction sets are accepted",
            "an 810 group     | GS*CI*          | GS*IN*          | segment 2  | GS01 is 'IN' but 811 invoices travel in functional group CI",
            "unknown segment  | CTT*4           | ZZZ*4           | segment 24 | X12 structure error at ZZZ"})
    void failsTheFileOnABrokenEnvelope(String label, String good, String bad, String position, String message) {
        assertFails(fixture().replace(good, bad), position, message);
    }

    /** A file that stops early fails at the segment that is missing: IEA would be segment 36. */
    @Test
    void failsATruncatedFileWithoutIea() {
        assertFails(fixture().replace("IEA*1*000000042~\n", ""), "segment 36", "X12 syntax error");
    }

    /** Cut after TDS, segment 20: the TXI that should follow is segment 21. */
    @Test
    void failsAFileCutInsideATransactionSet() {
        String text = fixture();
        assertFails(text.substring(0, text.indexOf("TXI*ST*0.19")), "segment 21", "X12 syntax error");
    }

    @Test
    void failsAMissingMandatorySegment() {
        // Set 0002 without TDS has 8 segments; TDS is mandatory in an 811.
        String text = fixture().replace("TDS*13150~\n", "").replace("SE*9*0002", "SE*8*0002");
        assertFails(text, "segment 33", "mandatory segment missing (TDS)");
    }

    @Test
    void failsWhatIsNotX12() {
        assertFails("record_type,invoice_number\nLINE,INV-1\n", "segment 1", "X12 syntax error");
        assertFails(" \n", "segment 1", "the file is empty");
    }

    private void assertFails(String text, String position, String message) {
        assertThatThrownBy(() -> ParsedInvoiceFile.read(parser,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), NEW_YORK))
                .isInstanceOf(InvalidInvoiceFileException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((InvalidInvoiceFileException) e).position()).isEqualTo(position);
    }
}
