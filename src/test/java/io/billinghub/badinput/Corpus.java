package io.billinghub.badinput;

import java.util.ArrayList;
import java.util.List;

/** The whole corpus: every format's good fixture under every mutation tried on it. */
final class Corpus {

    private Corpus() {
    }

    static List<CorpusCase> all() {
        List<CorpusCase> cases = new ArrayList<>();
        CsvSpecs.all().forEach(spec -> cases.addAll(CsvCorpus.cases(spec)));
        cases.addAll(invoiceWide());
        cases.addAll(X12Corpus.cases());
        cases.addAll(MappingCorpus.cases());
        JsonSpecs.all().forEach(spec -> cases.addAll(JsonCorpus.cases(spec)));
        return List.copyOf(cases);
    }

    /** Value mutations that make a whole invoice unusable rather than one of its records. */
    private static List<CorpusCase> invoiceWide() {
        CsvSpec cxone = CsvSpecs.cxoneInvoice();
        // without a readable stated total, lines lost in the file could go unnoticed
        CorpusCase cxoneTotal = CorpusCase.of(Format.CXONE_INVOICE_CSV, "overflowing-number",
                "a TOTAL amount of 1e400 on line 7", cxone.fileName(),
                csv(cxone, cxone.withValue(5, "amount", "1e400")), new Expected.Whole(6, null));
        CsvSpec webex = CsvSpecs.webexInvoice();
        // every line states the invoice's period: one that cannot be read leaves the invoice's month unknown
        CorpusCase webexPeriod = CorpusCase.of(Format.WEBEX_INVOICE_CSV, "impossible-date",
                "billing period start 2026-02-30 on line 4", webex.fileName(),
                csv(webex, webex.withValue(2, "BILLING_PERIOD_START", "2026-02-30")), new Expected.Whole(5, "line 4"));
        CorpusCase cxoneTax = CorpusCase.of(Format.CXONE_INVOICE_CSV, "trailing-garbage",
                "junk after the TOTAL's tax on line 7", cxone.fileName(),
                csv(cxone, cxone.withValue(5, "tax_amount", "6.74 xyz")), new Expected.Whole(6, null));
        return List.of(cxoneTotal, cxoneTax, webexPeriod);
    }

    private static byte[] csv(CsvSpec spec, List<List<String>> rows) {
        return CsvCorpus.text(CsvCorpus.line(spec.header()), rows.stream().map(CsvCorpus::line).toList(), "\n");
    }
}
