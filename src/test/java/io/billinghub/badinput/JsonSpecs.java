package io.billinghub.badinput;

import static io.billinghub.badinput.JsonCorpus.FieldCase.bad;
import static io.billinghub.badinput.JsonCorpus.FieldCase.good;

import java.util.List;

/** The good page of each vendor API, and the field mutations tried on its records. */
final class JsonSpecs {

    static final String REPORT_ID = "rpt-1";
    static final String SNAPSHOT = "2026-11-01T00:00:00Z";

    private JsonSpecs() {
    }

    static List<JsonCorpus.JsonSpec> all() {
        return List.of(genesysUsage(), cxoneReport(), genesysOrg());
    }

    /** Three legs of the e2e usage month. */
    static JsonCorpus.JsonSpec genesysUsage() {
        List<String> legs = List.of(
                "{\"callId\":\"call-1\",\"legId\":\"leg-01\",\"startTime\":\"2026-10-15T12:00:00.000Z\",\"endTime\":"
                        + "\"2026-10-15T12:01:01.000Z\",\"duration\":60,\"billingDuration\":61,\"carrierName\":"
                        + "\"Bandwidth.com\",\"destinationNumber\":\"+14155550101\",\"callType\":\"voip\","
                        + "\"direction\":\"outbound\",\"callOutcome\":\"answered\"}",
                "{\"callId\":\"call-2\",\"legId\":\"leg-02\",\"startTime\":\"2026-10-16T00:00:30.000Z\",\"endTime\":"
                        + "\"2026-10-16T00:01:31.000Z\",\"duration\":61,\"billingDuration\":61,\"carrierName\":"
                        + "\"Bandwidth.com\",\"destinationNumber\":\"+14155550102\",\"callType\":\"voip\","
                        + "\"direction\":\"outbound\",\"callOutcome\":\"answered\"}",
                "{\"callId\":\"call-3\",\"legId\":\"leg-03\",\"startTime\":\"2026-10-15T17:00:00.000Z\",\"endTime\":"
                        + "\"2026-10-15T17:01:30.000Z\",\"duration\":90,\"billingDuration\":90,\"carrierName\":"
                        + "\"Twilio\",\"destinationNumber\":\"+14155550103\",\"callType\":\"voip\","
                        + "\"direction\":\"outbound\",\"callOutcome\":\"answered\"}");
        return new JsonCorpus.JsonSpec(Format.GENESYS_USAGE, "usage-page-1.json", legs,
                records -> "{\"entities\":[" + records + "],\"pageSize\":3,\"pageNumber\":1,\"total\":3,"
                        + "\"pageCount\":1}",
                k -> "page 1 record " + k,
                List.of(bad("missing-field", "legId missing", 1, "legId", null),
                        bad("missing-field", "startTime missing", 0, "startTime", null),
                        bad("missing-field", "billingDuration missing", 2, "billingDuration", null),
                        bad("wrong-type", "duration as a string", 0, "duration", "\"60\""),
                        bad("wrong-type", "startTime as a number", 1, "startTime", "1760529600"),
                        bad("wrong-type", "carrierName as an object", 2, "carrierName", "{\"name\":\"Twilio\"}"),
                        bad("wrong-type", "legId as an array", 0, "legId", "[\"leg-01\"]"),
                        bad("wrong-type", "endTime as a boolean", 1, "endTime", "true"),
                        bad("null-value", "legId null", 0, "legId", "null"),
                        good("null-value", "endTime null", 1, "endTime", "null"),
                        good("null-value", "carrierName null (rated later as unknown carrier)", 2, "carrierName",
                                "null"),
                        bad("null-value", "billingDuration null", 0, "billingDuration", "null"),
                        bad("overflowing-number", "duration 1e400", 0, "duration", "1e400"),
                        bad("overflowing-number", "billingDuration past 2^31", 1, "billingDuration", "3000000000"),
                        bad("negative-number", "a negative duration", 2, "duration", "-5"),
                        bad("impossible-date", "startTime on 30 February", 0, "startTime",
                                "\"2026-02-30T12:00:00Z\""),
                        bad("impossible-date", "startTime at 25:61", 1, "startTime", "\"2026-10-16T25:61:00Z\"")));
    }

    /** The first three lines of the e2e CXone month. */
    static JsonCorpus.JsonSpec cxoneReport() {
        List<String> lines = List.of(
                "{\"lineId\":\"ln_c1\",\"usageDate\":\"2026-10-05T14:00:00Z\",\"userId\":\"usr_001\",\"phoneNumber\":"
                        + "\"+12125550101\",\"featureType\":\"VOICE_CALL\",\"direction\":\"OUTBOUND\","
                        + "\"durationSeconds\":600,\"costAmount\":10.0,\"currencyCode\":\"USD\",\"taxAmount\":0.8,"
                        + "\"taxRate\":0.08,\"costCenterId\":\"cc_marketing\",\"proratedFlag\":false}",
                "{\"lineId\":\"ln_c2\",\"usageDate\":\"2026-10-06T09:00:00Z\",\"userId\":\"usr_001\",\"phoneNumber\":"
                        + "\"+12125550102\",\"featureType\":\"VOICE_CALL\",\"direction\":\"OUTBOUND\","
                        + "\"durationSeconds\":300,\"costAmount\":5.0,\"currencyCode\":\"USD\",\"taxAmount\":0.4,"
                        + "\"taxRate\":0.08,\"costCenterId\":\"cc_marketing\",\"proratedFlag\":false}",
                "{\"lineId\":\"ln_l1\",\"usageDate\":\"2026-10-01T04:00:00Z\",\"userId\":\"usr_002\",\"featureType\":"
                        + "\"LICENSE_AGENT\",\"costAmount\":46.00,\"currencyCode\":\"USD\",\"taxAmount\":0,"
                        + "\"costCenterId\":\"cc_support_tier2\",\"proratedFlag\":true,\"licenseType\":\"AGENT\","
                        + "\"serviceStart\":\"2026-10-01\",\"serviceEnd\":\"2026-10-31\"}");
        return new JsonCorpus.JsonSpec(Format.CXONE_REPORT, "report-page-1.json", lines,
                records -> "{\"data\":[" + records + "],\"nextPageToken\":null}",
                k -> "report " + REPORT_ID + " page 1 record " + k,
                List.of(bad("missing-field", "lineId missing", 0, "lineId", null),
                        bad("missing-field", "usageDate missing", 1, "usageDate", null),
                        bad("missing-field", "featureType missing", 2, "featureType", null),
                        bad("missing-field", "costAmount missing", 0, "costAmount", null),
                        bad("missing-field", "currencyCode missing", 1, "currencyCode", null),
                        bad("wrong-type", "costAmount as words", 0, "costAmount", "\"ten\""),
                        bad("wrong-type", "costAmount as a boolean", 1, "costAmount", "true"),
                        bad("wrong-type", "durationSeconds as words", 0, "durationSeconds", "\"sixty\""),
                        bad("wrong-type", "proratedFlag as words", 2, "proratedFlag", "\"yes\""),
                        bad("wrong-type", "usageDate as a number", 1, "usageDate", "1760000000"),
                        bad("wrong-type", "serviceStart as a number", 2, "serviceStart", "20261001"),
                        bad("wrong-type", "costCenterId as an object", 0, "costCenterId", "{\"id\":\"cc\"}"),
                        good("null-value", "taxAmount null", 1, "taxAmount", "null"),
                        bad("null-value", "costAmount null", 0, "costAmount", "null"),
                        good("null-value", "costCenterId null (goes to Unallocated)", 2, "costCenterId", "null"),
                        bad("overflowing-number", "costAmount 1e400", 0, "costAmount", "1e400"),
                        bad("overflowing-number", "a 30-digit taxAmount", 1, "taxAmount",
                                CsvSpecs.THIRTY_DIGITS),
                        bad("overflowing-number", "7 decimals in costAmount", 2, "costAmount", "46.0000001"),
                        good("negative-number", "a negative costAmount (a credit)", 1, "costAmount", "-5.0"),
                        bad("impossible-date", "usageDate on 30 February", 0, "usageDate",
                                "\"2026-02-30T10:00:00Z\""),
                        bad("impossible-date", "serviceStart on 30 February", 2, "serviceStart",
                                "\"2026-02-30\"")));
    }

    /** Three users of the Genesys organisation. */
    static JsonCorpus.JsonSpec genesysOrg() {
        List<String> users = List.of(
                "{\"id\":\"u1\",\"name\":\"Ava Adams\",\"state\":\"active\",\"licensingType\":\"CX_3\",\"division\":"
                        + "{\"id\":\"us-east\"},\"accountType\":\"agent\",\"customAttributes\":{\"BU::COST_CENTER\":"
                        + "\"RET-0452\"}}",
                "{\"id\":\"u2\",\"name\":\"Ben Brown\",\"state\":\"inactive\",\"licensingType\":\"CX_2\",\"division\":"
                        + "{\"id\":\"eu-west\"},\"accountType\":\"agent\"}",
                "{\"id\":\"u3\",\"name\":\"Svc\",\"state\":\"active\",\"division\":{\"id\":\"us-east\"},"
                        + "\"accountType\":\"service\"}");
        return new JsonCorpus.JsonSpec(Format.GENESYS_ORG, "users-page-1.json", users,
                records -> "{\"entities\":[" + records + "],\"pageNumber\":1,\"pageSize\":3,\"pageCount\":1,"
                        + "\"total\":3,\"asOf\":\"" + SNAPSHOT + "\"}",
                k -> "users page 1 item " + k,
                List.of(bad("missing-field", "id missing", 0, "id", null),
                        bad("missing-field", "state missing", 1, "state", null),
                        bad("missing-field", "accountType missing", 2, "accountType", null),
                        bad("wrong-type", "customAttributes as an array", 0, "customAttributes", "[\"x\"]"),
                        bad("wrong-type", "division as a string", 1, "division", "\"eu-west\""),
                        bad("wrong-type", "state as a number", 2, "state", "1"),
                        bad("wrong-type", "name as an object", 0, "name", "{\"first\":\"Ava\"}"),
                        good("null-value", "name null", 1, "name", "null"),
                        good("null-value", "division null", 2, "division", "null"),
                        bad("null-value", "id null", 0, "id", "null")));
    }
}
