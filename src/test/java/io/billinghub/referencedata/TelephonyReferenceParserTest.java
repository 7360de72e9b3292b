package io.billinghub.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelephonyReferenceParserTest {

    private static final String CARRIERS = """
            carrier_id,carrier_name,invoice_time_zone,currency,cost_scale,rounding_mode
            bw,Bandwidth.com,America/New_York,USD,4,HALF_UP
            tw,Twilio,UTC,USD,6,HALF_EVEN
            """;
    private static final String RATES = """
            carrier_name,prefix,destination_region,rate_per_minute,billing_increment,effective_date,expiry_date
            Bandwidth.com,1,US,0.0090,6/6,2026-01-01,
            Twilio,+44,UK,0.0250,60/60,2026-01-01,2026-12-01
            """;
    private static final String GL = """
            carrier_name,destination_region,gl_account,cost_centre,effective_date,expiry_date
            *,*,6100-1000,CC-TEL,2026-01-01,
            """;

    private final TelephonyReferenceParser parser = new TelephonyReferenceParser("USD");

    private static Map<String, byte[]> files(String carriers, String rates, String gl) {
        Map<String, byte[]> files = new HashMap<>();
        if (carriers != null) {
            files.put("carriers.csv", carriers.getBytes(StandardCharsets.UTF_8));
        }
        files.put("rate-cards.csv", rates.getBytes(StandardCharsets.UTF_8));
        files.put("gl-mappings.csv", gl.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private List<String> errors(String carriers, String rates, String gl) {
        List<ValidationError> errors = new ArrayList<>();
        assertThat(parser.parse(files(carriers, rates, gl), errors)).isNull();
        return errors.stream().map(ValidationError::toString).toList();
    }

    @Test
    void aValidSetParses() {
        List<ValidationError> errors = new ArrayList<>();
        TelephonyReferenceData data = parser.parse(files(CARRIERS, RATES, GL), errors);
        assertThat(errors).isEmpty();
        assertThat(data.carriers()).extracting(c -> c.carrierId() + " " + c.costScale() + " " + c.roundingMode())
                .containsExactly("bw 4 HALF_UP", "tw 6 HALF_EVEN");
        assertThat(data.rateCards().get(1).increment().toString()).isEqualTo("60/60");
        assertThat(data.rateCards().get(1).lineNo()).isEqualTo(3);
        // "+44" is read as the E.164 prefix 44
        assertThat(data.rateCards().get(1).prefix()).isEqualTo("44");
        assertThat(data.rateCards().get(0).ratePerMinute()).isEqualByComparingTo("0.0090");
        assertThat(data.carriers().get(0).roundingMode()).isEqualTo(RoundingMode.HALF_UP);
    }

    @Test
    void everyProblemIsReportedWithFileAndLine() {
        String carriers = CARRIERS + """
                BW!,Lumen,Mars/Base,EUR,12,SOMETIMES
                tw,Twilio,UTC,USD,4,HALF_UP
                """;
        String rates = RATES + """
                Bandwidth.com,1,US,0.0100,6/6,2026-06-01,
                Bandwidth.com,1x,US,-0.01,six,2026-13-01,
                Bandwidth.com,52,MX,0.0300,30/6,2026-05-01,2026-04-01
                """;
        assertThat(errors(carriers, rates, GL)).containsExactly(
                "carriers.csv:4: carrier_id 'BW!' must be lower-case letters, digits and dashes",
                "carriers.csv:4: invoice_time_zone 'Mars/Base' is not a time zone id (e.g. America/New_York)",
                "carriers.csv:4: currency 'EUR' is not the hub's base currency USD",
                "carriers.csv:4: cost_scale 12 is outside 0..8",
                "carriers.csv:4: rounding_mode 'SOMETIMES' is not one of HALF_UP, HALF_EVEN, UP, DOWN, CEILING,"
                        + " FLOOR, HALF_DOWN",
                "carriers.csv:5: carrier_id 'tw' appears twice",
                "carriers.csv:5: carrier_name 'Twilio' appears twice",
                "rate-cards.csv:4: effective range overlaps line 2 for carrier 'Bandwidth.com' prefix 1",
                "rate-cards.csv:5: prefix '1x' must be 1 to 15 digits (E.164, no '+')",
                "rate-cards.csv:5: rate_per_minute -0.01 is negative",
                "rate-cards.csv:5: billing increment 'six' is not first/next, e.g. 60/60 or 6/6",
                "rate-cards.csv:5: effective_date '2026-13-01' is not a date (yyyy-MM-dd)",
                "rate-cards.csv:6: expiry_date 2026-04-01 is before effective_date 2026-05-01");
    }

    @Test
    void unknownReferencesAndGapsInTheGlMappingRejectTheSet() {
        String gl = """
                carrier_name,destination_region,gl_account,cost_centre,effective_date,expiry_date
                Bandwidth.com,US,6100-1000,CC-TEL,2026-01-01,
                Bandwidth.com,US,6100-2000,CC-TEL,2026-03-01,
                Sinch,*,6100-1000,CC-TEL,2026-01-01,
                *,Mars,6100-1000,CC TEL,2026-01-01,
                """;
        assertThat(errors(CARRIERS, RATES, gl)).containsExactly(
                "gl-mappings.csv:3: effective range overlaps line 2 for carrier 'Bandwidth.com' region 'US'",
                "gl-mappings.csv:4: carrier_name 'Sinch' is not in carriers.csv",
                "gl-mappings.csv:5: destination_region 'Mars' is not a region of rate-cards.csv",
                "gl-mappings.csv:5: cost_centre 'CC TEL' is not a valid cost centre code");
        // with the bad rows gone, Twilio UK is still left without any GL mapping
        String partial = """
                carrier_name,destination_region,gl_account,cost_centre,effective_date,expiry_date
                Bandwidth.com,*,6100-1000,CC-TEL,2026-01-01,
                """;
        assertThat(errors(CARRIERS, RATES, partial)).containsExactly(
                "rate-cards.csv:3: no GL mapping in gl-mappings.csv covers carrier 'Twilio' region 'UK' on 2026-01-01");
    }

    @Test
    void structuralProblemsStopTheFileEarly() {
        assertThat(errors(null, RATES, GL)).containsExactly("carriers.csv: file is missing from the mapping set");
        // the rate cards are not checked against carriers.csv that could not be read: one error, not one a row
        assertThat(errors("carrier_id,carrier_name\nbw,Bandwidth.com\n", RATES, GL)).containsExactly(
                "carriers.csv:1: missing column(s) invoice_time_zone, currency, cost_scale, rounding_mode");
        // a short row in the middle, with a blank line before it: the physical line number is reported
        String rates = "carrier_name,prefix,destination_region,rate_per_minute,billing_increment,effective_date,"
                + "expiry_date\nBandwidth.com,1,US,0.0090,6/6,2026-01-01,\n\nTwilio,44,UK\n";
        assertThat(errors(CARRIERS, rates, GL)).containsExactly("rate-cards.csv:4: has 3 fields, the header has 7");
    }

    @Test
    void edgeCarriersAreOptionalAndReadByEdgeAndDay() {
        List<ValidationError> errors = new ArrayList<>();
        assertThat(parser.parse(files(CARRIERS, RATES, GL), errors).edgeCarriers()).isEmpty();

        Map<String, byte[]> files = files(CARRIERS, RATES, GL);
        files.put("genesys-edge-carriers.csv", """
                edge_id,carrier_name,effective_from,effective_to
                edge-1,Bandwidth.com,2026-01-01,2026-10-16
                edge-1,Twilio,2026-10-16,
                edge-2,Twilio,2026-01-01,
                """.getBytes(StandardCharsets.UTF_8));
        TelephonyReferenceData data = parser.parse(files, errors);

        assertThat(errors).isEmpty();
        EdgeCarrierIndex index = new EdgeCarrierIndex(data.edgeCarriers());
        // the 16th is the handover day: the successor row is in force
        assertThat(index.carrier("edge-1", LocalDate.parse("2026-10-15"))).hasValue("Bandwidth.com");
        assertThat(index.carrier("edge-1", LocalDate.parse("2026-10-16"))).hasValue("Twilio");
        assertThat(index.carrier("edge-1", LocalDate.parse("2025-12-31"))).isEmpty();
        assertThat(index.carrier("edge-9", LocalDate.parse("2026-10-15"))).isEmpty();
    }

    @Test
    void anEdgeFileWithOverlapsOrUnknownCarriersRejectsTheSet() {
        Map<String, byte[]> files = files(CARRIERS, RATES, GL);
        files.put("genesys-edge-carriers.csv", """
                edge_id,carrier_name,effective_from,effective_to
                edge-1,Bandwidth.com,2026-01-01,2026-10-20
                edge-1,Twilio,2026-10-16,
                edge-2,Lumen,2026-01-01,
                edge 3,Twilio,2026-01-01,
                edge-4,Twilio,2026-05-01,2026-04-01
                """.getBytes(StandardCharsets.UTF_8));
        List<ValidationError> errors = new ArrayList<>();

        assertThat(parser.parse(files, errors)).isNull();
        assertThat(errors).extracting(ValidationError::toString).containsExactly(
                "genesys-edge-carriers.csv:3: effective range overlaps line 2 for edge edge-1",
                "genesys-edge-carriers.csv:4: carrier_name 'Lumen' is not in carriers.csv",
                "genesys-edge-carriers.csv:5: edge_id 'edge 3' must be letters, digits, dots, dashes or underscores",
                "genesys-edge-carriers.csv:6: effective_to 2026-04-01 is before effective_from 2026-05-01");
    }
}
