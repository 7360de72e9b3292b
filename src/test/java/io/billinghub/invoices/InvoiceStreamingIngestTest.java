package io.billinghub.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billinghub.platform.Checksums;
import io.billinghub.platform.HubExchange;
import io.billinghub.support.HubIntegrationTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Carrier files streamed into the tables: the text of every line stored as written, invoices interleaved in a file,
 * a file of hundreds of thousands of lines made as it is read, a file that fails half way, and the bytes of a
 * replayed case. Bandwidth's invoices are in New York time (UTC-4 in October 2026).
 */
class InvoiceStreamingIngestTest extends HubIntegrationTest {

    private static final String HEADER = GeneratedCarrierCsv.HEADER;

    @Autowired
    private InvoiceIngestService ingest;

    /**
     * Over SFTP, so through the consumer's local copy of the file: a byte order mark, CRLF line ends, and legs
     * holding a quoted quote and comma, backslashes, a tab, non-ASCII letters and an emoji, a lone {@code \.} and a
     * lone quote. Charges 0.10 + 0.20 + 0.30 + 0.40 + 0.50 + 0.60 = 2.10.
     */
    @Test
    void theTextOfEveryLineIsStoredAsWritten() throws Exception {
        List<String> lines = List.of(
                "LINE,INV-Q,2026-10-31,USD,\"leg \"\"q\"\", 1\",+14155550001,2026-10-01T10:00:00,1,0.10",
                "LINE,INV-Q,2026-10-31,USD,back\\slash\\N,+14155550002,2026-10-01T11:00:00,1,0.20",
                "LINE,INV-Q,2026-10-31,USD,\"tab\there\",+14155550003,2026-10-01T12:00:00,1,0.30",
                "LINE,INV-Q,2026-10-31,USD,Zürich→東京📞,+14155550004,2026-10-01T13:00:00,1,0.40",
                "LINE,INV-Q,2026-10-31,USD,\\.,+14155550005,2026-10-01T14:00:00,1,0.50",
                "LINE,INV-Q,2026-10-31,USD,\"\"\"\",  ,2026-10-01T15:00:00,1,0.60",
                "TOTAL,INV-Q,2026-10-31,USD,,,,,2.10");
        String file = "\uFEFF" + HEADER.replace("\n", "\r\n") + String.join("\r\n", lines) + "\r\n";

        NotifyBuilder taken = new NotifyBuilder(camel).fromRoute("carrier-invoices-bandwidth").whenDone(1).create();
        drop("bandwidth", "awkward.csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(taken.matches(60, TimeUnit.SECONDS)).isTrue();

        List<Map<String, Object>> stored = jdbc.queryForList("""
                select line_no, position, leg_reference, destination_number, raw, octet_length(raw) as bytes
                from carrier_invoice_line order by line_no""");
        assertThat(stored).extracting(row -> row.get("raw")).containsExactlyElementsOf(lines.subList(0, 6));
        assertThat(stored).extracting(row -> row.get("bytes")).containsExactlyElementsOf(lines.subList(0, 6).stream()
                .map(line -> line.getBytes(StandardCharsets.UTF_8).length).toList());
        assertThat(stored).extracting(row -> row.get("leg_reference")).containsExactly("leg \"q\", 1",
                "back\\slash\\N", "tab\there", "Zürich→東京📞", "\\.", "\"");
        assertThat(stored).extracting(row -> row.get("position")).containsExactly("line 2", "line 3", "line 4",
                "line 5", "line 6", "line 7");
        assertThat(stored.get(5).get("destination_number")).isNull();
        assertThat(jdbc.queryForMap("select line_count, lines_total, stated_total from carrier_invoice"))
                .containsEntry("line_count", 6).containsEntry("lines_total", new BigDecimal("2.100000"))
                .containsEntry("stated_total", new BigDecimal("2.100000"));
        assertThat(jdbc.queryForMap("select status, lines_in, lines_accepted, lines_rejected from"
                + " carrier_invoice_file")).containsEntry("status", "ACCEPTED").containsEntry("lines_in", 7)
                .containsEntry("lines_accepted", 7).containsEntry("lines_rejected", 0);
        assertThat(filesIn("bandwidth/done")).isEqualTo(1L);
    }

    /**
     * Two invoices written interleaved. INV-B's first record is its TOTAL (line 2), before INV-A's first line
     * (line 3): INV-B is the file's first invoice. Line 5 repeats INV-A with another invoice date and line 7 states
     * a second TOTAL for INV-B: both rejected, the rest kept. INV-A: a-1 0.10 + a-3 0.05 = 0.15; INV-B: b-1 0.25 +
     * b-2 0.50 = 0.75. UTC days: a-1 08:00 EDT is Oct 3 12:00Z; b-1 21:30 EDT is Oct 4 01:30Z; a-3 23:59:59-04:00
     * is Oct 6 03:59:59Z; b-2 12:00 EDT is Oct 4 16:00Z.
     */
    @Test
    void interleavedInvoicesAreKeptApartAndCheckedAsTheFileGoes() {
        String file = HEADER + """
                TOTAL,INV-B,2026-10-31,USD,,,,,0.75
                LINE,INV-A,2026-10-31,USD,a-1,+14155550001,2026-10-03T08:00:00,1.5,0.10
                LINE,INV-B,,,b-1,+14155550002,2026-10-03T21:30:00,2,0.25
                LINE,INV-A,2026-11-01,USD,a-2,+14155550003,2026-10-04T09:00:00,1,0.20
                LINE,INV-A,,usd,a-3,,2026-10-05T23:59:59-04:00,0.5,0.05
                TOTAL,INV-B,,,,,,,0.80

                LINE,INV-B,2026-10-31,USD,b-2,+14155550004,2026-10-04T12:00:00,3,0.50
                TOTAL,INV-A,2026-10-31,USD,,,,,0.15
                """;
        InvoiceIngestService.Outcome outcome = ingest.ingest("bandwidth", "interleaved.csv",
                InvoiceFile.of(file.getBytes(StandardCharsets.UTF_8)), null, null);

        assertThat(outcome.recordsIn()).isEqualTo(8);
        assertThat(outcome.accepted()).isEqualTo(6);
        assertThat(outcome.rejected()).isEqualTo(2);
        assertThat(outcome.days()).containsExactly(LocalDate.parse("2026-10-03"), LocalDate.parse("2026-10-04"),
                LocalDate.parse("2026-10-06"));
        assertThat(jdbc.queryForList("""
                select invoice_number, invoice_date::text, currency, line_count, lines_total::text,
                    stated_total::text, status
                from carrier_invoice order by id""")).containsExactly(
                Map.of("invoice_number", "INV-B", "invoice_date", "2026-10-31", "currency", "USD", "line_count", 2,
                        "lines_total", "0.750000", "stated_total", "0.750000", "status", "CURRENT"),
                Map.of("invoice_number", "INV-A", "invoice_date", "2026-10-31", "currency", "USD", "line_count", 2,
                        "lines_total", "0.150000", "stated_total", "0.150000", "status", "CURRENT"));
        assertThat(outcome.invoiceIds()).isEqualTo(jdbc.queryForList("select id from carrier_invoice order by id",
                Long.class));
        assertThat(jdbc.queryForList("""
                select i.invoice_number || ' #' || l.line_no || ' ' || l.position || ' ' || l.leg_reference || ' '
                    || l.utc_day
                from carrier_invoice_line l join carrier_invoice i on i.id = l.invoice_id
                order by i.id, l.line_no""", String.class)).containsExactly(
                "INV-B #1 line 4 b-1 2026-10-04", "INV-B #2 line 9 b-2 2026-10-04",
                "INV-A #1 line 3 a-1 2026-10-03", "INV-A #2 line 6 a-3 2026-10-06");
        assertThat(jdbc.queryForList("""
                select source_position || ': ' || reason from exception_item
                where type = 'INVOICE_LINE_REJECTED' order by source_position""", String.class)).containsExactly(
                "line 5: invoice_date '2026-11-01' differs from '2026-10-31' given earlier for invoice INV-A",
                "line 7: a second TOTAL for invoice INV-B (the first one states 0.75)");
        assertThat(jdbc.queryForMap("select status, lines_in, lines_accepted, lines_rejected from"
                + " carrier_invoice_file")).containsEntry("status", "PARTIAL").containsEntry("lines_in", 8)
                .containsEntry("lines_accepted", 6).containsEntry("lines_rejected", 2);

        // the carrier corrects INV-A in a file of its own: the earlier INV-A is superseded, INV-B stays current
        ingest.ingest("bandwidth", "inv-a-corrected.csv", InvoiceFile.of((HEADER
                + "LINE,INV-A,2026-10-31,USD,a-1,+14155550001,2026-10-03T08:00:00,1.5,0.12\n")
                .getBytes(StandardCharsets.UTF_8)), null, null);
        assertThat(jdbc.queryForList("select invoice_number || ' ' || status || ' ' || line_count"
                + " from carrier_invoice order by id", String.class))
                .containsExactly("INV-B CURRENT 2", "INV-A SUPERSEDED 2", "INV-A CURRENT 1");
    }

    /**
     * 300,000 lines of {@link GeneratedCarrierCsv}, made as they are read (for the checksum, the format and the
     * store), 100 blocks of 3,000 rows: in each block every invoice takes every charge remainder 0..999 once
     * (1000 and 3 are coprime), 499,500 / 10,000 = 49.95, so 100,000 lines and 4,995.0000 per invoice. 12:00 EDT is
     * 16:00Z on the same day: the days are October 1 to 28.
     */
    @Test
    void aFileOfThreeHundredThousandLinesStreamsIntoTheTables() throws IOException {
        int rows = 300_000;
        InvoiceFile file = new InvoiceFile(() -> new GeneratedCarrierCsv(rows),
                Checksums.sha256(new GeneratedCarrierCsv(rows)));

        InvoiceIngestService.Outcome outcome = ingest.ingest("bandwidth", "generated.csv", file, null, null);

        assertThat(outcome.recordsIn()).isEqualTo(300_003);
        assertThat(outcome.accepted()).isEqualTo(300_003);
        assertThat(outcome.rejected()).isZero();
        assertThat(outcome.days()).hasSize(28).first().isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(outcome.days()).last().isEqualTo(LocalDate.parse("2026-10-28"));
        assertThat(jdbc.queryForList("""
                select invoice_number || ' ' || line_count || ' ' || lines_total || ' ' || stated_total
                from carrier_invoice order by id""", String.class)).containsExactly(
                "INV-0 100000 4995.000000 1.000000", "INV-1 100000 4995.000000 2.000000",
                "INV-2 100000 4995.000000 3.000000");
        assertThat(jdbc.queryForMap("""
                select count(*) as lines, sum(charge)::text as charges, sum(minutes)::text as minutes,
                    count(distinct utc_day) as days, max(line_no) as last
                from carrier_invoice_line""")).containsEntry("lines", 300_000L)
                .containsEntry("charges", "14985.000000").containsEntry("minutes", "450000.000000")
                .containsEntry("days", 28L).containsEntry("last", 100_000);
        assertThat(jdbc.queryForList("""
                select raw from carrier_invoice_line where position in ('line 2', 'line 300001')
                order by position""", String.class))
                .containsExactly(GeneratedCarrierCsv.row(0), GeneratedCarrierCsv.row(299_999));
    }

    /**
     * A file whose last line holds a NUL is not text: nothing of it is kept, neither its good lines nor the case of
     * its bad one (line 3), only its REJECTED row.
     */
    @Test
    void aFileThatFailsAtItsEndLeavesNothingButItsRejectedRow() {
        String file = HEADER + """
                LINE,INV-F,2026-10-31,USD,f-1,+14155550001,2026-10-03T08:00:00,1,0.10
                LINE,INV-F,2026-10-31,USD,f-2,+14155550002,2026-10-03T08:00:00,minus one,0.10
                LINE,INV-F,2026-10-31,USD,f-3,+14155550003,2026-10-03T08:00:00,1,0.10\u0000
                """;
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        int nul = file.indexOf('\u0000') + 1;

        assertThatThrownBy(() -> ingest.ingest("bandwidth", "broken.csv", InvoiceFile.of(bytes), null, null))
                .isInstanceOf(InvalidInvoiceFileException.class)
                .hasMessage("the file is not text: a NUL character at byte " + nul + " (binary content) (at line 4)");
        assertThat(jdbc.queryForObject("select count(*) from carrier_invoice", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from carrier_invoice_line", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from exception_item", Long.class)).isZero();
        assertThat(jdbc.queryForMap("select status, lines_in from carrier_invoice_file"))
                .containsEntry("status", "REJECTED").containsEntry("lines_in", 0);
    }

    /** A replay re-enters the ingest route with the file's bytes as the body, as the exception queue keeps them. */
    @Test
    void theIngestRouteTakesTheBytesOfAReplayedCase() {
        byte[] bytes = (HEADER + "LINE,INV-R,2026-10-31,USD,r-1,+14155550001,2026-10-03T08:00:00,2,0.30\n")
                .getBytes(StandardCharsets.UTF_8);
        Exchange done = producer.send("direct:carrier-invoice-ingest", exchange -> {
            exchange.setProperty(HubExchange.SOURCE_ID, "bandwidth");
            exchange.getIn().setHeader(Exchange.FILE_NAME_ONLY, "replayed.csv");
            exchange.getIn().setBody(bytes);
        });

        assertThat(done.getException()).isNull();
        assertThat(jdbc.queryForMap("select file_name, checksum, completed_at is not null as completed"
                + " from carrier_invoice_file")).containsEntry("file_name", "replayed.csv")
                .containsEntry("checksum", Checksums.sha256(bytes)).containsEntry("completed", true);
        assertThat(jdbc.queryForList("select raw from carrier_invoice_line", String.class))
                .containsExactly("LINE,INV-R,2026-10-31,USD,r-1,+14155550001,2026-10-03T08:00:00,2,0.30");
    }
}
