package io.billinghub.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.extraction.GenesysUsageAdapter;
import io.billinghub.extraction.UsageLeg;
import io.billinghub.extraction.UsagePage;
import io.billinghub.extraction.cxone.CxoneReportAdapter;
import io.billinghub.extraction.cxone.CxoneReportPage;
import io.billinghub.extraction.cxone.CxoneUsageLine;
import io.billinghub.extraction.webex.ReportType;
import io.billinghub.extraction.webex.WebexReportCsv;
import io.billinghub.invoices.InvoiceLine;
import io.billinghub.invoices.ParsedInvoiceFile;
import io.billinghub.ledger.CxoneInvoice;
import io.billinghub.ledger.CxoneInvoiceParser;
import io.billinghub.rating.RateCardEntry;
import io.billinghub.referencedata.TelephonyReferenceData;
import io.billinghub.referencedata.TelephonyReferenceParser;
import io.billinghub.referencedata.ValidationError;
import io.billinghub.wholesale.PartnerInvoice;
import io.billinghub.wholesale.PartnerInvoiceParser;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The parsers fuzzed with jqwik: arbitrary bytes, and structure-aware edits of each format's good fixture, never
 * make a parser throw anything but its declared rejection; every record read is accepted or rejected (and, where
 * records can be counted without the parser, all of them are read); an amount accepted is the amount written,
 * exactly, and one the hub cannot keep is rejected. Tries per property: {@code jqwik.tries.default} in
 * src/test/resources/junit-platform.properties; override it on the command line to fuzz longer.
 */
class ParserFuzzTest {

    /** A format and its good fixture; for a mapping set, the file fuzzed and the set's other files. */
    record Target(Format format, String fileName, byte[] good, Map<String, byte[]> siblings) {

        Map<String, byte[]> with(byte[] content) {
            Map<String, byte[]> files = new HashMap<>(siblings);
            files.put(fileName, content);
            return files;
        }

        @Override
        public String toString() {
            return format.label();
        }
    }

    private static final List<Target> TARGETS = goodFiles();

    @Property
    void arbitraryBytesGiveRecordsOrTheDeclaredRejection(@ForAll("targets") Target target,
                                                          @ForAll @Size(max = 400) byte[] bytes) {
        checkInvariants(target, bytes);
    }

    @Property
    void editsOfAGoodFileGiveRecordsOrTheDeclaredRejection(@ForAll("targets") Target target,
                                                           @ForAll("edits") List<FuzzEdits.Edit> edits) {
        checkInvariants(target, FuzzEdits.apply(target.good(), edits));
    }

    @Property
    void carrierCsvChargesRoundTrip(@ForAll("amounts") BigDecimal amount, @ForAll("notations") Notation notation) {
        String text = notation.write(amount);
        CsvSpec spec = CsvSpecs.carrier();
        ParsedInvoiceFile parsed = FormatReaders.parseCarrier(csv(spec, spec.withValue(0, "charge", text)),
                FormatReaders.BANDWIDTH_ZONE);
        roundTrip(text, 12, 6, true, firstLine(parsed).map(InvoiceLine::charge), parsed.rejected());
    }

    @Property
    void x12NetAmountsRoundTrip(@ForAll("amounts") BigDecimal amount) {
        String text = amount.toPlainString();
        List<String> segments = new ArrayList<>(X12Corpus.interchange(X12Corpus.goodSets()));
        segments.set(8, segments.get(8).replace("*0.0240*0.0240", "*0.0240*" + text));
        ParsedInvoiceFile parsed = FormatReaders.parseCarrier(X12Corpus.text(segments, "\n")
                .getBytes(StandardCharsets.UTF_8), FormatReaders.TWILIO_ZONE);
        roundTrip(text, 12, 6, true, firstLine(parsed).map(InvoiceLine::charge), parsed.rejected());
    }

    @Property
    void cxoneInvoiceAmountsRoundTrip(@ForAll("amounts") BigDecimal amount, @ForAll("notations") Notation notation) {
        String text = notation.write(amount);
        CsvSpec spec = CsvSpecs.cxoneInvoice();
        List<List<String>> rows = spec.withValue(0, "amount", text);
        CxoneInvoiceParser.Parsed parsed = new CxoneInvoiceParser(JsonCorpus.JSON, FormatReaders.CURRENCY)
                .fromCsv(csv(spec, rows), spec.fileName());
        roundTrip(text, 12, 6, true, parsed.invoice().lines().stream()
                .filter(l -> l.raw().equals(CsvCorpus.line(rows.get(0)))).findFirst().map(CxoneInvoice.Line::amount),
                parsed.rejected());
    }

    @Property
    void webexInvoiceAmountsRoundTrip(@ForAll("amounts") BigDecimal amount, @ForAll("notations") Notation notation) {
        String text = notation.write(amount);
        CsvSpec spec = CsvSpecs.webexInvoice();
        PartnerInvoiceParser.Parsed parsed = new PartnerInvoiceParser(FormatReaders.CURRENCY)
                .parse(csv(spec, spec.withValue(0, "AMOUNT", text)), spec.fileName());
        roundTrip(text, 16, 2, true, parsed.invoice().lines().stream().filter(l -> l.lineNo() == 2).findFirst()
                .map(PartnerInvoice.Line::amount), parsed.rejected());
    }

    @Property
    void webexReportQuantitiesRoundTrip(@ForAll("amounts") BigDecimal amount, @ForAll("notations") Notation notation) {
        String text = notation.write(amount);
        CsvSpec spec = CsvSpecs.webexReport();
        List<BigDecimal> read = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        try (WebexReportCsv report = WebexReportCsv.open(WebexReportCsv.reader(new ByteArrayInputStream(
                csv(spec, spec.withValue(0, "QUANTITY", text)))), ReportType.USER, FormatReaders.USER_REPORT_COLUMNS,
                FormatReaders.OCTOBER)) {
            report.forEachRemaining(item -> {
                if (item instanceof WebexReportCsv.Read r && r.recordNo() == 2) {
                    read.add(r.row().quantity());
                } else if (item instanceof WebexReportCsv.Rejected r) {
                    rejected.add(new RejectedRecord("record " + r.recordNo(), r.reason(), r.raw()));
                }
            });
        }
        // a licence counts at most 1 a day: row 2 covers the 31 days of October
        boolean withinMonth = amount.signum() >= 0 && amount.compareTo(BigDecimal.valueOf(31)) <= 0;
        roundTrip(text, withinMonth ? 12 : -1, 6, false, read.stream().findFirst(), rejected);
    }

    @Property
    void rateCardRatesRoundTrip(@ForAll("amounts") BigDecimal amount, @ForAll("notations") Notation notation) {
        String text = notation.write(amount);
        Map<String, byte[]> files = CsvSpecs.mappingFiles();
        String rates = new String(files.get(TelephonyReferenceParser.RATE_CARDS), StandardCharsets.UTF_8);
        files.put(TelephonyReferenceParser.RATE_CARDS, rates.replace("Bandwidth.com,1,US,0.0100,", "Bandwidth.com,1,US,"
                + text + ",").getBytes(StandardCharsets.UTF_8));
        List<ValidationError> errors = new ArrayList<>();
        TelephonyReferenceData data = new TelephonyReferenceParser(FormatReaders.CURRENCY).parse(files, errors);
        List<RejectedRecord> rejected = errors.stream().map(e -> new RejectedRecord(e.file() + ":" + e.line(),
                e.reason(), "")).toList();
        roundTrip(text, 10, 8, false, data == null ? Optional.empty()
                : data.rateCards().stream().filter(r -> r.lineNo() == 2).findFirst().map(RateCardEntry::ratePerMinute),
                rejected);
    }

    @Property
    void cxoneReportCostsRoundTrip(@ForAll("amounts") BigDecimal amount) {
        CxoneReportPage page = new CxoneReportAdapter(JsonCorpus.JSON).parse(pageOfOne(JsonSpecs.cxoneReport(),
                "costAmount", amount), "acme-contact", JsonSpecs.REPORT_ID, 1);
        roundTrip(amount.toString(), 12, 6, true, false, page.lines().stream().findFirst()
                .map(CxoneUsageLine::costAmount), page.rejected());
    }

    /** Durations are whole seconds, written as JSON integers; anything else rejects the leg. */
    @Property
    void genesysDurationsAreWholeSecondsOrTheLegIsRejected(@ForAll("amounts") BigDecimal seconds) {
        UsagePage page = new GenesysUsageAdapter(JsonCorpus.JSON).parse(pageOfOne(JsonSpecs.genesysUsage(),
                "billingDuration", seconds), "acme-contact", 1);
        boolean whole = seconds.scale() == 0 && seconds.signum() >= 0
                && seconds.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
        assertThat(page.legs().stream().map(UsageLeg::billingDurationSeconds).toList())
                .isEqualTo(whole ? List.of(seconds.intValueExact()) : List.of());
        assertThat(page.rejected()).hasSize(whole ? 0 : 1);
    }

    /** The page with the first good record alone, its {@code field} set to {@code value} as a JSON number. */
    private static String pageOfOne(JsonCorpus.JsonSpec spec, String field, BigDecimal value) {
        ObjectNode record = (ObjectNode) JsonCorpus.read(spec.records().get(0));
        record.put(field, value);
        return spec.page().apply(record.toString());
    }

    // ---- invariants ----

    private static void checkInvariants(Target target, byte[] content) {
        Observed observed = FormatReaders.read(target.format(), target.with(content), target.fileName());
        if (observed instanceof Observed.Records records) {
            assertThat(records.recordsIn()).isEqualTo(records.accepted() + records.rejected().size());
            records.rejected().forEach(r -> {
                assertThat(r.position()).isNotBlank();
                assertThat(r.reason()).isNotBlank().hasSizeLessThan(OutcomeAssert.MAX_REASON);
                assertThat(r.raw()).isNotNull();
            });
            Integer counted = RecordCount.of(target.format(), content);
            if (counted != null) {
                assertThat(records.recordsIn()).as("records the parser read").isEqualTo(counted);
            }
        } else if (observed instanceof Observed.Whole whole) {
            assertThat(whole.reason()).isNotBlank().hasSizeLessThan(OutcomeAssert.MAX_REASON);
        } else {
            ((Observed.SetRejected) observed).errors().forEach(e -> {
                assertThat(e.line()).isNotNegative();
                assertThat(e.reason()).isNotBlank().hasSizeLessThan(OutcomeAssert.MAX_REASON);
            });
        }
    }

    /**
     * Accepted as written, or rejected: {@code integerDigits} and {@code decimals} are what the column keeps
     * (integerDigits -1: no value is accepted). Read from text, the value keeps its digits too (0.50 stays 0.50).
     */
    private static void roundTrip(String text, int integerDigits, int decimals, boolean negativeAllowed,
                                  Optional<BigDecimal> accepted, List<RejectedRecord> rejected) {
        roundTrip(text, integerDigits, decimals, negativeAllowed, true, accepted, rejected);
    }

    /** As above; from a JSON number, Jackson keeps the value but not its trailing zeros. */
    private static void roundTrip(String text, int integerDigits, int decimals, boolean negativeAllowed,
                                  boolean keepsDigits, Optional<BigDecimal> accepted, List<RejectedRecord> rejected) {
        BigDecimal written = new BigDecimal(text);
        BigDecimal significant = written.stripTrailingZeros();
        boolean fits = integerDigits >= 0 && significant.scale() <= decimals
                && (long) significant.precision() - significant.scale() <= integerDigits
                && (negativeAllowed || written.signum() >= 0);
        if (fits) {
            assertThat(rejected).as(text).isEmpty();
            assertThat(accepted).as(text).hasValueSatisfying(value -> assertThat(value)
                    .isEqualByComparingTo(written));
            if (keepsDigits) {
                assertThat(accepted).as(text).contains(written.scale() < 0 ? written.setScale(0) : written);
            }
        } else {
            assertThat(accepted).as(text).isEmpty();
            assertThat(rejected).as(text).isNotEmpty();
        }
    }

    // ---- generators ----

    @Provide
    Arbitrary<Target> targets() {
        return Arbitraries.of(TARGETS);
    }

    @Provide
    Arbitrary<List<FuzzEdits.Edit>> edits() {
        return FuzzEdits.edits();
    }

    /** Small and large amounts, coarse and fine, some past what any column keeps. */
    @Provide
    Arbitrary<BigDecimal> amounts() {
        Arbitrary<Long> unscaled = Arbitraries.oneOf(Arbitraries.longs().between(-100_000, 100_000),
                Arbitraries.longs().between(-1_000_000_000_000_000L, 1_000_000_000_000_000L));
        return Combinators.combine(unscaled, Arbitraries.integers().between(-4, 10))
                .as((u, scale) -> BigDecimal.valueOf(u, scale));
    }

    @Provide
    Arbitrary<Notation> notations() {
        return Arbitraries.of(Notation.class);
    }

    /** How an amount is written in a file. */
    enum Notation {
        PLAIN(BigDecimal::toPlainString),
        SCIENTIFIC(BigDecimal::toString),
        ENGINEERING(BigDecimal::toEngineeringString);

        private final Function<BigDecimal, String> writer;

        Notation(Function<BigDecimal, String> writer) {
            this.writer = writer;
        }

        String write(BigDecimal amount) {
            return writer.apply(amount);
        }
    }

    private static List<Target> goodFiles() {
        List<Target> targets = new ArrayList<>();
        for (CsvSpec spec : CsvSpecs.all()) {
            targets.add(new Target(spec.format(), spec.fileName(), csv(spec, spec.rows()), spec.siblings()));
        }
        targets.add(new Target(Format.CARRIER_X12, X12Corpus.FILE, X12Corpus.text(X12Corpus.interchange(
                X12Corpus.goodSets()), "\n").getBytes(StandardCharsets.UTF_8), Map.of()));
        for (JsonCorpus.JsonSpec spec : JsonSpecs.all()) {
            targets.add(new Target(spec.format(), spec.fileName(), spec.page().apply(String.join(",",
                    spec.records())).getBytes(StandardCharsets.UTF_8), Map.of()));
        }
        return List.copyOf(targets);
    }

    private static byte[] csv(CsvSpec spec, List<List<String>> rows) {
        return CsvCorpus.text(CsvCorpus.line(spec.header()), rows.stream().map(CsvCorpus::line).toList(), "\n");
    }

    private static Optional<InvoiceLine> firstLine(ParsedInvoiceFile parsed) {
        return parsed.invoices().stream().flatMap(i -> i.lines().stream())
                .filter(l -> l.position().equals("line 2") || l.position().equals("segment 9")).findFirst();
    }
}
