package io.billinghub.badinput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Mutations of a vendor API page of three good records: fields missing, of the wrong type, null, out of range;
 * elements that are not objects; pages cut short. Each case states which record must be rejected (positions count
 * from 1 within the page), or that the page is refused whole.
 */
final class JsonCorpus {

    /** The hub reads vendor JSON with decimals kept exactly (spring.jackson use-big-decimal-for-floats). */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * @param page     wraps the records' JSON texts into the page the API answers
     * @param position how the adapter names record {@code k} (1-based)
     */
    record JsonSpec(Format format, String fileName, List<String> records, Function<String, String> page,
                    Function<Integer, String> position, List<FieldCase> fields) {
    }

    /** One field of one record (0-based) set to {@code json} (null: removed); {@code badMention} null: stays good. */
    record FieldCase(String mutation, String name, int record, String field, String json, String badMention) {

        static FieldCase bad(String mutation, String name, int record, String field, String json) {
            return new FieldCase(mutation, name, record, field, json, field);
        }

        static FieldCase good(String mutation, String name, int record, String field, String json) {
            return new FieldCase(mutation, name, record, field, json, null);
        }
    }

    private final JsonSpec spec;
    private final int n;
    private final List<CorpusCase> cases = new ArrayList<>();

    private JsonCorpus(JsonSpec spec) {
        this.spec = spec;
        this.n = spec.records().size();
    }

    static List<CorpusCase> cases(JsonSpec spec) {
        JsonCorpus corpus = new JsonCorpus(spec);
        corpus.fields();
        corpus.elements();
        corpus.pages();
        return List.copyOf(corpus.cases);
    }

    private void fields() {
        for (FieldCase field : spec.fields()) {
            ObjectNode record = (ObjectNode) read(spec.records().get(field.record()));
            if (field.json() == null) {
                record.remove(field.field());
            } else {
                record.set(field.field(), read(field.json()));
            }
            String raw = record.toString();
            List<String> records = new ArrayList<>(spec.records());
            records.set(field.record(), raw);
            add(field.mutation(), field.name(), records, field.badMention() == null ? Expected.Records.allGood(n)
                    : bad(n, field.record(), raw, field.badMention()));
        }
    }

    private void elements() {
        for (String element : List.of("42", "null", "[\"leg\"]", "\"a string\"")) {
            List<String> records = new ArrayList<>(spec.records());
            records.set(1, element);
            add("not-an-object", "record 2 is " + element, records, bad(n, 1, element, null));
        }
        List<String> repeated = new ArrayList<>(spec.records());
        repeated.add(1, spec.records().get(0));
        add("duplicate-line", "record 1 repeated", repeated, Expected.Records.allGood(n + 1));
    }

    private void pages() {
        String page = spec.page().apply(String.join(",", spec.records()));
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < 3; i++) {
            int offset = random.nextInt(1, page.length() - 1);
            cases.add(CorpusCase.of(spec.format(), "truncated-json", "cut at character " + offset, spec.fileName(),
                    page.substring(0, offset).getBytes(StandardCharsets.UTF_8), new Expected.Whole(n, null)));
        }
        cases.add(CorpusCase.of(spec.format(), "truncated-json", "an empty body", spec.fileName(), new byte[0],
                new Expected.Whole(n, null)));
        // Jackson holds no decimal whose exponent is past int: the page cannot be read at all
        String outOfRange = spec.records().get(0).replaceFirst("\\{", "{\"extra\":1e40055550101,");
        List<String> records = new ArrayList<>(spec.records());
        records.set(0, outOfRange);
        cases.add(CorpusCase.of(spec.format(), "overflowing-number", "a number with an exponent past int",
                spec.fileName(), spec.page().apply(String.join(",", records)).getBytes(StandardCharsets.UTF_8),
                new Expected.Whole(n, null)));
        cases.add(CorpusCase.of(spec.format(), "wrong-type", "the records as a bare array", spec.fileName(),
                ("[" + String.join(",", spec.records()) + "]").getBytes(StandardCharsets.UTF_8),
                new Expected.Whole(n, null)));
    }

    private void add(String mutation, String name, List<String> records, Expected expected) {
        cases.add(CorpusCase.of(spec.format(), mutation, name, spec.fileName(),
                spec.page().apply(String.join(",", records)).getBytes(StandardCharsets.UTF_8), expected));
    }

    private Expected bad(int in, int record, String raw, String mention) {
        return new Expected.Records(in, List.of(new Expected.Rejection(spec.position().apply(record + 1), raw,
                mention)));
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
