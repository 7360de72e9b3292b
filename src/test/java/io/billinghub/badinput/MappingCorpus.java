package io.billinghub.badinput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mistakes only a mapping set can hold, each in one file of the e2e mapping directory: ranges of one key that
 * overlap, references to what the set does not define, keys given twice. A set holding any is rejected whole; each
 * case states the file and line of every error.
 */
final class MappingCorpus {

    private final List<CorpusCase> cases = new ArrayList<>();

    private MappingCorpus() {
    }

    static List<CorpusCase> cases() {
        MappingCorpus corpus = new MappingCorpus();
        corpus.telephony();
        corpus.ledger();
        corpus.chargeback();
        corpus.webex();
        return List.copyOf(corpus.cases);
    }

    private void telephony() {
        Format f = Format.TELEPHONY_MAPPINGS;
        append(f, "overlapping-dates", "prefix 1212 again from June (line 3 is open-ended)", "rate-cards.csv",
                "Bandwidth.com,1212,US-NY,0.0090,6/6,2026-06-01,");
        append(f, "overlapping-dates", "region UK again from June", "gl-mappings.csv",
                "*,UK,6120-2001,CC-INTL,2026-06-01,");
        append(f, "unknown-reference", "a rate of a carrier not in carriers.csv", "rate-cards.csv",
                "Lumen,1,US,0.0100,6/6,2026-01-01,");
        append(f, "unknown-reference", "a GL mapping of a carrier not in carriers.csv", "gl-mappings.csv",
                "Verizon,*,6100-1000,CC-TEL,2026-01-01,");
        append(f, "unknown-reference", "a GL mapping of a region no rate card has", "gl-mappings.csv",
                "*,Mars,6100-1000,CC-TEL,2026-01-01,");
        append(f, "duplicate-key", "carrier_id bandwidth twice", "carriers.csv",
                "bandwidth,Bandwidth Two,America/New_York,USD,4,HALF_UP");
        append(f, "duplicate-key", "carrier_name Twilio twice", "carriers.csv", "twilio2,Twilio,UTC,USD,4,HALF_UP");
    }

    private void ledger() {
        Format f = Format.LEDGER_MAPPINGS;
        append(f, "overlapping-dates", "cost centre cc_marketing again from 2025", "cxone-cost-centres.csv",
                "cc_marketing,6010-4500,Digital Marketing,2025-01-01,");
        append(f, "overlapping-dates", "a CAD rate for October over both", "fx-rates.csv",
                "CAD,0.7300,2026-10-01,2026-10-31");
        append(f, "overlapping-dates", "prefix +1212 again", "cxone-phone-prefixes.csv",
                "+1212,Northeast,1.10,2026-01-01,");
        append(f, "unknown-reference", "a cost centre on a GL account not in gl-accounts.csv",
                "cxone-cost-centres.csv", "cc_sales,7777-0000,Sales,2026-01-01,");
        append(f, "unknown-reference", "a licence price in a currency without FX rate", "cxone-licence-prices.csv",
                "LICENSE_SUPERVISOR,EUR,120.00,2026-01-01,");
        append(f, "duplicate-key", "gl_account 6010-4500 twice", "gl-accounts.csv", "6010-4500,Again");
        append(f, "duplicate-key", "holiday 2026-10-12 twice", "business-calendar.csv", "2026-10-12,Again");
    }

    private void chargeback() {
        Format f = Format.CHARGEBACK_MAPPINGS;
        append(f, "overlapping-dates", "us-east/FIN-0001 again from mid-2025", "hris-cost-centres.csv",
                "us-east,FIN-0001,FINANCE,Finance again,2025-06-01,");
        append(f, "duplicate-key", "line 2 repeated", "hris-cost-centres.csv",
                "us-east,FIN-0001,FINANCE,Finance Operations US,2024-01-01,");
        append(f, "overlapping-dates", "Retail Care's cost centre again from June", "genesys-resource-attributes.csv",
                "QUEUE,f8dceb22-87b7-39f6-8d64-cc12c8413126,Retail Care,BU::COST_CENTER,RET-0999,2026-06-01,");
        append(f, "unknown-reference", "a cost centre on a trunk, which carries only its model",
                "genesys-resource-attributes.csv",
                "TRUNK,64480307-dea9-31f0-ba5a-6743b5189e7a,US Carrier A,BU::COST_CENTER,NET-0100,2026-01-01,");
        String multipliers = text("cost-multipliers.json");
        json("overlapping-dates", "the Q3 version never deprecated",
                multipliers.replace("\"deprecationDate\": \"2026-10-01\"", "\"deprecationDate\": null"));
        json("duplicate-key", "version 2026-Q3-v1 twice", multipliers.replace("2026-Q4-v1", "2026-Q3-v1"));
        json("wrong-type", "a rate as an array",
                multipliers.replace("\"telephony_per_minute\": \"0.0120\"", "\"telephony_per_minute\": [1]"));
        json("truncated-json", "cut in the middle", multipliers.substring(0, multipliers.length() / 2));
        json("overflowing-number", "a rate with an exponent past int",
                multipliers.replace("\"telephony_per_minute\": \"0.0120\"", "\"telephony_per_minute\": 1e40055550101"));
    }

    private void webex() {
        append(Format.WEBEX_PRICES, "overlapping-dates", "A-WX-MEET again from June", "webex-sku-prices.csv",
                "A-WX-MEET,Webex Meetings,MONTH,9.75,USD,4120-WBX-MEET,2026-06-01,");
        append(Format.WEBEX_PRICES, "duplicate-key", "line 2 repeated", "webex-sku-prices.csv",
                "A-WX-CALL-PRO,Webex Calling Professional,MONTH,12.00,USD,4100-WBX-CALL,2026-01-01,");
    }

    /** The file with {@code row} added at its end: the error is on the new last line. */
    private void append(Format format, String mutation, String name, String file, String row) {
        String text = text(file) + row + "\n";
        long lines = text.lines().count();
        add(format, mutation, name, file, text, new Expected.SetRejected((int) lines - 1,
                List.of(file + ":" + lines)));
    }

    /** The multiplier versions as a whole carry line 0: their errors name the version, not a line. */
    private void json(String mutation, String name, String text) {
        add(Format.CHARGEBACK_MAPPINGS, mutation, name, "cost-multipliers.json", text,
                new Expected.SetRejected(2, List.of("cost-multipliers.json:0")));
    }

    private void add(Format format, String mutation, String name, String file, String text, Expected expected) {
        Map<String, byte[]> files = CsvSpecs.mappingFiles();
        files.put(file, text.getBytes(StandardCharsets.UTF_8));
        cases.add(new CorpusCase(format, mutation, name, files, file, expected));
    }

    private static String text(String file) {
        return CsvSpecs.resource("e2e/mappings/" + file);
    }
}
