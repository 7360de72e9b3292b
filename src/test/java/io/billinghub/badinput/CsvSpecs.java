package io.billinghub.badinput;

import static io.billinghub.badinput.CsvSpec.ValueCase.bad;
import static io.billinghub.badinput.CsvSpec.ValueCase.good;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The good fixture of each CSV format, and the value mutations that are its own. */
final class CsvSpecs {

    static final String THIRTY_DIGITS = "123456789012345678901234567890";
    static final List<String> MAPPING_FILES = List.of("carriers.csv", "rate-cards.csv", "gl-mappings.csv",
            "gl-accounts.csv", "cxone-cost-centres.csv", "cxone-phone-prefixes.csv", "fx-rates.csv",
            "cxone-licence-prices.csv", "business-calendar.csv", "hris-cost-centres.csv", "cost-multipliers.json",
            "webex-sku-prices.csv", "cxone-usage-rates.csv", "cxone-team-cost-centres.csv");

    private CsvSpecs() {
    }

    static List<CsvSpec> all() {
        return List.of(carrier(), cxoneInvoice(), webexInvoice(), webexReport(),
                // without rate rows, region UK that gl-mappings.csv maps (line 3) is no region of the rate cards
                mapping(Format.TELEPHONY_MAPPINGS, "rate-cards.csv", "rate_per_minute", "rate_per_minute",
                        new Expected.SetRejected(0, List.of("gl-mappings.csv:3")),
                        List.of(bad("negative-number", "a negative rate on line 2", 0, "rate_per_minute", "-0.0100"),
                                bad("overflowing-number", "rate 1e400 on line 3", 1, "rate_per_minute", "1e400"),
                                bad("overflowing-number", "a 30-digit rate on line 4", 2, "rate_per_minute",
                                        THIRTY_DIGITS),
                                bad("overflowing-number", "9 decimals on line 5", 3, "rate_per_minute",
                                        "0.008500001"),
                                bad("impossible-date", "effective_date 2026-02-30 on line 2", 0, "effective_date",
                                        "2026-02-30"),
                                bad("impossible-date", "expiry_date 2026-13-01 on line 4", 2, "expiry_date",
                                        "2026-13-01"))),
                mapping(Format.LEDGER_MAPPINGS, "fx-rates.csv", "rate_to_base", "rate_to_base",
                        Expected.Records.allGood(0),
                        List.of(bad("negative-number", "a negative rate on line 3", 1, "rate_to_base", "-0.7310"),
                                bad("overflowing-number", "rate 1e400 on line 3", 1, "rate_to_base", "1e400"),
                                bad("overflowing-number", "a 30-digit rate on line 4", 2, "rate_to_base",
                                        THIRTY_DIGITS),
                                bad("overflowing-number", "11 decimals on line 4", 2, "rate_to_base",
                                        "0.72850000001"),
                                bad("impossible-date", "effective_from 2026-02-30 on line 3", 1, "effective_from",
                                        "2026-02-30"))),
                mapping(Format.CHARGEBACK_MAPPINGS, "hris-cost-centres.csv", "business_unit", "valid_from",
                        Expected.Records.allGood(0),
                        List.of(bad("impossible-date", "valid_from 2026-02-30 on line 2", 0, "valid_from",
                                        "2026-02-30"),
                                bad("impossible-date", "valid_to before valid_from on line 3", 1, "valid_to",
                                        "2023-12-31"))),
                mapping(Format.WEBEX_PRICES, "webex-sku-prices.csv", "unit_price", "unit_price",
                        Expected.Records.allGood(0),
                        List.of(bad("negative-number", "a negative price on line 2", 0, "unit_price", "-12.00"),
                                bad("overflowing-number", "price 1e400 on line 3", 1, "unit_price", "1e400"),
                                bad("overflowing-number", "a 30-digit price on line 4", 2, "unit_price",
                                        THIRTY_DIGITS),
                                bad("overflowing-number", "5 decimals on line 5", 3, "unit_price", "9.50001"),
                                bad("impossible-date", "effective_from 2026-02-30 on line 2", 0, "effective_from",
                                        "2026-02-30"),
                                bad("impossible-date", "effective_from mid-month on line 3", 1, "effective_from",
                                        "2026-01-15"))));
    }

    /** The e2e carrier file's good lines: four calls on 15 October 2026 and their total. */
    static CsvSpec carrier() {
        return new CsvSpec(Format.CARRIER_CSV, "bw-2026-10.csv", Map.of(),
                List.of("record_type", "invoice_number", "leg_reference", "destination_number", "start_time",
                        "minutes", "charge"),
                List.of(List.of("LINE", "BW-2026-10", "leg-01", "+14155550101", "2026-10-15T08:00:00", "1.1",
                                "0.0088"),
                        List.of("LINE", "BW-2026-10", "leg-02", "+14155550102", "2026-10-15T20:00:30", "1.1",
                                "0.0066"),
                        List.of("LINE", "BW-2026-10", "leg-07", "+12125550107", "2026-10-15T12:00:00", "1.1",
                                "0.0094"),
                        List.of("LINE", "BW-2026-10", "leg-09", "+12125550109", "2026-10-15T12:30:00", "0.2",
                                "0.0250"),
                        List.of("TOTAL", "BW-2026-10", "", "", "", "", "0.0498")),
                true, false, "line", "charge", "charge", Expected.Records.allGood(0), false,
                List.of(good("negative-number", "a negative charge (a credit) on line 3", 1, "charge", "-0.0066"),
                        bad("negative-number", "negative minutes on line 4", 2, "minutes", "-1.1"),
                        bad("overflowing-number", "charge 1e400 on line 2", 0, "charge", "1e400"),
                        bad("overflowing-number", "a 30-digit charge on line 3", 1, "charge", THIRTY_DIGITS),
                        bad("overflowing-number", "8 decimals on line 4", 2, "charge", "0.00940001"),
                        bad("overflowing-number", "minutes 1E+999999999 on line 5", 3, "minutes", "1E+999999999"),
                        bad("overflowing-number", "a TOTAL of 1e400 on line 6", 4, "charge", "1e400"),
                        bad("impossible-date", "start_time 2026-02-30T08:00:00 on line 2", 0, "start_time",
                                "2026-02-30T08:00:00"),
                        bad("impossible-date", "start_time at 25:61 on line 3", 1, "start_time",
                                "2026-10-15T25:61:00")));
    }

    /** The e2e CXone invoice: five lines and the total. */
    static CsvSpec cxoneInvoice() {
        List<List<String>> table = CsvCorpus.parse(resource("e2e/cxone-invoice-2026-10.csv"));
        return new CsvSpec(Format.CXONE_INVOICE_CSV, "INV-CX-T-2026-10.csv", Map.of(), table.get(0),
                table.subList(1, table.size()), false, false, "line", "amount", "amount",
                new Expected.Whole(0, "line 2"), false,
                List.of(good("negative-number", "a negative amount (a credit) on line 2", 0, "amount", "-15.05"),
                        bad("overflowing-number", "amount 1e400 on line 3", 1, "amount", "1e400"),
                        bad("overflowing-number", "a 30-digit tax on line 4", 2, "tax_amount", THIRTY_DIGITS),
                        bad("overflowing-number", "7 decimals on line 2", 0, "amount", "15.0512345"),
                        bad("impossible-date", "billing period 2026-02-30 on line 3", 1, "billing_period",
                                "2026-02-30"),
                        bad("impossible-date", "billing period 2026-13 on line 4", 2, "billing_period",
                                "2026-13")));
    }

    /** The e2e Webex partner invoice: five lines of one invoice. */
    static CsvSpec webexInvoice() {
        List<List<String>> table = CsvCorpus.parse(resource("e2e/webex/partner-invoice-2026-10.csv"));
        return new CsvSpec(Format.WEBEX_INVOICE_CSV, "WBX-TEST-0001.csv", Map.of(), table.get(0),
                table.subList(1, table.size()), false, false, "line", "AMOUNT", "AMOUNT",
                new Expected.Whole(0, null), false,
                List.of(good("negative-number", "a negative amount (a credit) on line 3", 1, "AMOUNT", "-3.88"),
                        bad("overflowing-number", "amount 1e400 on line 2", 0, "AMOUNT", "1e400"),
                        bad("overflowing-number", "a 30-digit quantity on line 4", 2, "QUANTITY", THIRTY_DIGITS),
                        bad("overflowing-number", "3 decimals in an amount on line 3", 1, "AMOUNT", "3.881"),
                        bad("overflowing-number", "unit price 1e400 on line 5", 3, "UNIT_PRICE", "1e400")));
    }

    /** The e2e Webex USER report without its repeated row: six licences of two customers. */
    static CsvSpec webexReport() {
        List<List<String>> table = CsvCorpus.parse(resource("e2e/webex/user-report-2026-10.csv"));
        List<List<String>> rows = new ArrayList<>(table.subList(1, table.size()));
        rows.remove(1);
        return new CsvSpec(Format.WEBEX_REPORT_CSV, "user-report-2026-10.csv", Map.of(), table.get(0), rows, false,
                true, "record", "QUANTITY", "QUANTITY", Expected.Records.allGood(0), true,
                List.of(bad("negative-number", "a negative quantity in record 2", 0, "QUANTITY", "-1"),
                        bad("overflowing-number", "quantity 1e400 in record 3", 1, "QUANTITY", "1e400"),
                        bad("overflowing-number", "a 30-digit quantity in record 4", 2, "QUANTITY", THIRTY_DIGITS),
                        bad("overflowing-number", "7 decimals in record 5", 3, "QUANTITY", "15.1234567"),
                        bad("impossible-date", "start date 2026-02-30 in record 2", 0, "CONSUMPTION_START_DATE",
                                "2026-02-30"),
                        bad("impossible-date", "end time 25:61 in record 6", 4, "CONSUMPTION_END_DATE",
                                "2026-10-31T25:61:00Z")));
    }

    private static CsvSpec mapping(Format format, String fileName, String requiredColumn, String checkedColumn,
                                   Expected headerOnly, List<CsvSpec.ValueCase> values) {
        Map<String, byte[]> siblings = mappingFiles();
        List<List<String>> table = CsvCorpus.parse(new String(siblings.remove(fileName), StandardCharsets.UTF_8));
        return new CsvSpec(format, fileName, siblings, table.get(0), table.subList(1, table.size()), false, false,
                "line", requiredColumn, checkedColumn, headerOnly, true, values);
    }

    /** The e2e mapping directory, every set. */
    static Map<String, byte[]> mappingFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        MAPPING_FILES.forEach(name -> files.put(name, resource("e2e/mappings/" + name)
                .getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    static String resource(String name) {
        try (InputStream in = CsvSpecs.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
