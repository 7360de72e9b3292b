package io.billinghub.badinput;

import io.billinghub.allocation.ChargebackFixtures;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.extraction.GenesysUsageAdapter;
import io.billinghub.extraction.UsagePage;
import io.billinghub.extraction.cxone.CxoneReportAdapter;
import io.billinghub.extraction.cxone.CxoneReportPage;
import io.billinghub.extraction.org.GenesysOrgAdapter;
import io.billinghub.extraction.org.OrgPage;
import io.billinghub.extraction.org.OrgResource;
import io.billinghub.extraction.webex.BillingWindow;
import io.billinghub.extraction.webex.MalformedReportException;
import io.billinghub.extraction.webex.ReportType;
import io.billinghub.extraction.webex.WebexReportCsv;
import io.billinghub.invoices.InvalidInvoiceFileException;
import io.billinghub.invoices.InvoiceFormats;
import io.billinghub.invoices.ParsedInvoiceFile;
import io.billinghub.ledger.CxoneInvoiceParser;
import io.billinghub.referencedata.TelephonyReferenceParser;
import io.billinghub.referencedata.ValidationError;
import io.billinghub.referencedata.chargeback.ChargebackReferenceParser;
import io.billinghub.referencedata.ledger.LedgerReferenceParser;
import io.billinghub.referencedata.webex.WebexPriceParser;
import io.billinghub.wholesale.PartnerInvoiceParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Each format read the way the hub reads it, catching only the exception its parser declares for an input refused
 * whole: anything else thrown is a failure of the parser.
 */
final class FormatReaders {

    static final String CURRENCY = "USD";
    /** The carriers' zones in the e2e mappings: Bandwidth's CSV is in New York time, Twilio's X12 in UTC. */
    static final ZoneId BANDWIDTH_ZONE = ZoneId.of("America/New_York");
    static final ZoneId TWILIO_ZONE = ZoneId.of("UTC");
    static final BillingWindow OCTOBER = new BillingWindow(LocalDate.parse("2026-10-01"),
            LocalDate.parse("2026-10-31"));
    /** hub.webex.required-columns.USER of application.yml. */
    static final List<String> USER_REPORT_COLUMNS = List.of("PARTNER_ORG_ID", "SKU", "CONSUMPTION_START_DATE",
            "CONSUMPTION_END_DATE", "QUANTITY", "CUSTOMER_ORG_ID", "CUSTOMER_EXTERNAL_ID", "SUBSCRIBER_ID");

    private static final InvoiceFormats INVOICES = new InvoiceFormats();

    private FormatReaders() {
    }

    static Observed read(CorpusCase input) {
        return read(input.format(), input.files(), input.mutated());
    }

    /** Reads {@code files} (one, or a mapping set) as {@code format}; {@code name} is the file of interest. */
    static Observed read(Format format, Map<String, byte[]> files, String name) {
        byte[] content = files.get(name);
        return switch (format) {
            case CARRIER_CSV -> carrier(content, BANDWIDTH_ZONE);
            case CARRIER_X12 -> carrier(content, TWILIO_ZONE);
            case CXONE_INVOICE_CSV -> cxoneInvoice(content, name);
            case WEBEX_INVOICE_CSV -> webexInvoice(content, name);
            case WEBEX_REPORT_CSV -> webexReport(content);
            case TELEPHONY_MAPPINGS -> mappings(files, TelephonyReferenceParser.FILES,
                    (set, errors) -> new TelephonyReferenceParser(CURRENCY).parse(set, errors),
                    data -> data.rateCards().size());
            case LEDGER_MAPPINGS -> mappings(files, LedgerReferenceParser.FILES,
                    (set, errors) -> new LedgerReferenceParser(CURRENCY).parse(set, errors),
                    data -> data.fxRates().size());
            case CHARGEBACK_MAPPINGS -> mappings(files, ChargebackReferenceParser.FILES,
                    (set, errors) -> new ChargebackReferenceParser(
                            ChargebackFixtures.policy().costCentreAttributes()).parse(set, errors),
                    data -> data.costCentres().size());
            case WEBEX_PRICES -> mappings(files, WebexPriceParser.FILES,
                    (set, errors) -> new WebexPriceParser(CURRENCY).parse(set, errors),
                    data -> data.prices().size());
            case GENESYS_USAGE -> genesysUsage(text(content));
            case CXONE_REPORT -> cxoneReport(text(content));
            case GENESYS_ORG -> genesysOrg(text(content));
        };
    }

    /** A carrier file as the intake reads it: the format by content, then its parser. */
    static ParsedInvoiceFile parseCarrier(byte[] content, ZoneId zone) {
        return ParsedInvoiceFile.read(INVOICES.parserFor(content), new ByteArrayInputStream(content), zone);
    }

    static Observed carrier(byte[] content, ZoneId zone) {
        try {
            ParsedInvoiceFile parsed = parseCarrier(content, zone);
            return new Observed.Records(parsed.recordsIn(), parsed.acceptedLines() + parsed.summaryRecords(),
                    parsed.rejected());
        } catch (InvalidInvoiceFileException e) {
            return new Observed.Whole(e.position(), e.getMessage());
        }
    }

    private static Observed cxoneInvoice(byte[] content, String fileName) {
        try {
            CxoneInvoiceParser.Parsed parsed = new CxoneInvoiceParser(JsonCorpus.JSON, CURRENCY)
                    .fromCsv(content, fileName);
            // the lines and the TOTAL record
            return new Observed.Records(parsed.recordsIn(), parsed.invoice().lines().size() + 1, parsed.rejected());
        } catch (InvalidInvoiceFileException e) {
            return new Observed.Whole(e.position(), e.getMessage());
        }
    }

    private static Observed webexInvoice(byte[] content, String fileName) {
        try {
            PartnerInvoiceParser.Parsed parsed = new PartnerInvoiceParser(CURRENCY).parse(content, fileName);
            return new Observed.Records(parsed.recordsIn(), parsed.invoice().lines().size(), parsed.rejected());
        } catch (InvalidInvoiceFileException e) {
            return new Observed.Whole(e.position(), e.getMessage());
        }
    }

    /**
     * The report as staging reads it: rows rejected by the reader, and a row repeating the identity of an earlier
     * one rejected as staging does (the first is kept).
     */
    private static Observed webexReport(byte[] content) {
        int in = 0;
        List<RejectedRecord> rejected = new ArrayList<>();
        Map<String, Long> firstOf = new HashMap<>();
        try (WebexReportCsv csv = WebexReportCsv.open(WebexReportCsv.reader(new ByteArrayInputStream(content)),
                ReportType.USER, USER_REPORT_COLUMNS, OCTOBER)) {
            while (csv.hasNext()) {
                WebexReportCsv.Item item = csv.next();
                in++;
                if (item instanceof WebexReportCsv.Rejected r) {
                    rejected.add(new RejectedRecord("record " + r.recordNo(), r.reason(), r.raw()));
                } else if (item instanceof WebexReportCsv.Read read) {
                    Long first = firstOf.putIfAbsent(read.row().identity(ReportType.USER), read.recordNo());
                    if (first != null) {
                        rejected.add(new RejectedRecord("record " + read.recordNo(), "repeats record " + first,
                                read.row().raw()));
                    }
                }
            }
        } catch (MalformedReportException e) {
            return new Observed.Whole(null, e.getMessage());
        }
        return new Observed.Records(in, in - rejected.size(), rejected);
    }

    /** A set parser, as its dataset calls it. */
    @FunctionalInterface
    interface SetParser<T> {
        T parse(Map<String, byte[]> files, List<ValidationError> errors);
    }

    private static <T> Observed mappings(Map<String, byte[]> all, List<String> setFiles, SetParser<T> parser,
                                         Function<T, Integer> rowsOfMutatedFile) {
        Map<String, byte[]> files = new HashMap<>();
        // as the reference-data service hands them over: a file of the set that is not there is absent
        setFiles.stream().filter(all::containsKey).forEach(name -> files.put(name, all.get(name)));
        List<ValidationError> errors = new ArrayList<>();
        T data = parser.parse(files, errors);
        if (!errors.isEmpty()) {
            return new Observed.SetRejected(errors);
        }
        int rows = rowsOfMutatedFile.apply(data);
        return new Observed.Records(rows, rows, List.of());
    }

    private static Observed genesysUsage(String body) {
        try {
            UsagePage page = new GenesysUsageAdapter(JsonCorpus.JSON).parse(body, "acme-contact", 1);
            return new Observed.Records(page.recordsIn(), page.legs().size(), page.rejected());
        } catch (IllegalStateException e) {
            return new Observed.Whole(null, e.getMessage());
        }
    }

    private static Observed cxoneReport(String body) {
        try {
            CxoneReportPage page = new CxoneReportAdapter(JsonCorpus.JSON).parse(body, "acme-contact",
                    JsonSpecs.REPORT_ID, 1);
            return new Observed.Records(page.recordsIn(), page.lines().size(), page.rejected());
        } catch (IllegalStateException e) {
            return new Observed.Whole(null, e.getMessage());
        }
    }

    private static Observed genesysOrg(String body) {
        try {
            OrgPage page = new GenesysOrgAdapter(JsonCorpus.JSON).parse("https://genesys.test", OrgResource.USERS,
                    body, Instant.parse(JsonSpecs.SNAPSHOT), 3, 1);
            return new Observed.Records(page.records().size() + page.rejected().size(), page.records().size(),
                    page.rejected());
        } catch (IllegalArgumentException e) {
            return new Observed.Whole(null, e.getMessage());
        }
    }

    private static String text(byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }
}
