package io.billinghub.badinput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Mutations of a good X12 811 interchange (two invoices, five itemised calls, one segment a line). The generator
 * builds the interchange segment by segment, so each case states the segment (counted from ISA = 1) a rejection
 * must name.
 */
final class X12Corpus {

    static final String FILE = "twilio-2026-10.edi";
    private static final String ISA = "ISA*00*          *00*          *ZZ*TWILIO         *ZZ*BILLINGHUB     "
            + "*261102*0900*^*00501*000000501*0*P*:";

    private final List<CorpusCase> cases = new ArrayList<>();

    private X12Corpus() {
    }

    static List<CorpusCase> cases() {
        X12Corpus corpus = new X12Corpus();
        corpus.envelope();
        corpus.truncation();
        corpus.transactionSets();
        corpus.values();
        corpus.bytes();
        return List.copyOf(corpus.cases);
    }

    /** Two invoices: three calls, then two. */
    static List<List<String>> goodSets() {
        return List.of(
                invoice("TW-2026-10-A", List.of(
                        "TCD*leg-03*20261015*1300*TN*+14155550103**TN*+13125550000**2**0.0240*0.0240",
                        "TCD*leg-04b*20261015*140005*TN*+447700900123**TN*+13125550000**3.5**0.0600*0.0600",
                        "TCD*leg-10*20261016*0915*TN*+14155550110**TN*+13125550000**1**0.0120*0.0120"), "10"),
                invoice("TW-2026-10-B", List.of(
                        "TCD*leg-11*20261017*1000*TN*+14155550111**TN*+13125550000**4**0.0480*0.0480",
                        "TCD*leg-12*20261017*1100*TN*+14155550112**TN*+13125550000**0.5**0.0060*0.0060"), "5"));
    }

    private static List<String> invoice(String number, List<String> calls, String total) {
        List<String> body = new ArrayList<>(List.of("BIG*20261102*" + number, "CUR*SE*USD", "DTM*150*20261001",
                "DTM*151*20261031", "HL*1**1"));
        body.addAll(calls);
        body.add("TDS*" + total);
        return body;
    }

    /** ISA, GS, each set between ST and SE (with its segment count), GE and IEA, all counts and numbers right. */
    static List<String> interchange(List<List<String>> sets) {
        List<String> segments = new ArrayList<>(List.of(ISA, "GS*CI*TWILIO*BILLINGHUB*20261102*0900*501*X*005010"));
        for (int i = 0; i < sets.size(); i++) {
            String control = String.format("%04d", i + 1);
            segments.add("ST*811*" + control);
            segments.addAll(sets.get(i));
            segments.add("SE*" + (sets.get(i).size() + 2) + "*" + control);
        }
        segments.add("GE*" + sets.size() + "*501");
        segments.add("IEA*1*000000501");
        return segments;
    }

    /** Each segment ended by '~' and the next of {@code ends} in turn. */
    static String text(List<String> segments, String... ends) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            text.append(segments.get(i)).append('~').append(ends[i % ends.length]);
        }
        return text.toString();
    }

    private static List<String> good() {
        return interchange(goodSets());
    }

    private void envelope() {
        add("segment-count", "SE01 of the first set too high", edit(good(), 13, s -> "SE*13*0001"),
                whole(5, 13));
        add("segment-count", "SE01 of the second set too low", edit(good(), 23, s -> "SE*9*0002"), whole(5, 23));
        add("segment-count", "GE01 counts three sets", edit(good(), 24, s -> "GE*3*501"), whole(5, 24));
        add("segment-count", "IEA01 counts two groups", edit(good(), 25, s -> "IEA*2*000000501"), whole(5, 25));
        add("control-number", "SE02 does not repeat ST02", edit(good(), 13, s -> "SE*11*0009"), whole(5, 13));
        add("control-number", "GE02 does not repeat GS06", edit(good(), 24, s -> "GE*2*502"), whole(5, 24));
        add("control-number", "IEA02 does not repeat ISA13", edit(good(), 25, s -> "IEA*1*000000502"),
                whole(5, 25));

        // found by the fuzzer: StAEDI starts no transaction in an interchange of a version it does not know
        add("interchange-version", "ISA12 '\"0501' instead of 00501", edit(good(), 1, s -> s.replace("*00501*",
                "*\"0501*")), whole(5, 3));

        List<List<String>> unknown = mutableSets();
        unknown.get(0).add(5, "ZZZ*1*2");
        add("unknown-segment", "segment ZZZ in the first set", interchange(unknown), whole(5, 9));
        List<List<String>> misplaced = mutableSets();
        misplaced.get(1).add(5, "NTE*GEN*a note");
        add("unknown-segment", "NTE where the 811 has none, in the second set", interchange(misplaced),
                whole(5, 20));

        add("element-separator", "one TCD separated by '|'", edit(good(), 10, s -> s.replace('*', '|')),
                whole(5, 10));
        List<String> afterIsa = good().stream().map(s -> s.startsWith("ISA") ? s : s.replace('*', '|')).toList();
        add("element-separator", "'|' after an ISA that declares '*'", afterIsa, whole(5, 2));
        add("element-separator", "'|' throughout, ISA included", good().stream().map(s -> s.replace('*', '|'))
                .toList(), Expected.Records.allGood(5));

        // without ISA the file does not look like X12: it is read as CSV, whose header it is not
        add("missing-envelope-segment", "ISA removed", good().subList(1, 25), new Expected.Whole(5, "line 1"));
        List<String> noGs = new ArrayList<>(good());
        noGs.remove(1);
        add("missing-envelope-segment", "GS removed", noGs, whole(5, 2));
        add("missing-envelope-segment", "IEA removed", good().subList(0, 24), whole(5, 25));
    }

    /** Cut at seeded random offsets past the ISA, and inside it: the segment being read is where it broke. */
    private void truncation() {
        String text = text(good(), "\n");
        SplittableRandom random = new SplittableRandom(811);
        List<Integer> offsets = new ArrayList<>(List.of(50, text.indexOf("GE*"), text.lastIndexOf('~')));
        for (int i = 0; i < 6; i++) {
            offsets.add(random.nextInt(ISA.length() + 1, text.length() - 1));
        }
        for (int offset : offsets) {
            String cut = text.substring(0, offset);
            int segment = 1 + (int) cut.chars().filter(c -> c == '~').count();
            cases.add(CorpusCase.of(Format.CARRIER_X12, "truncated-envelope", "cut at character " + offset, FILE,
                    cut.getBytes(StandardCharsets.UTF_8), whole(5, segment)));
        }
    }

    private void transactionSets() {
        List<List<String>> three = mutableSets();
        three.add(new ArrayList<>(invoice("TW-2026-10-C", List.of(
                "TCD*leg-13*20261018*0800*TN*+14155550113**TN*+13125550000**2**0.0240*0.0240",
                "TCD*leg-14*20261018*0810*TN*+14155550114**TN*+13125550000**2**0.0240*0.0240"), "5")));
        List<String> good = interchange(three);
        String badCall = "TCD*leg-11*20261017*1000*TN*+14155550111**TN*+13125550000**two**0.0480*0.0480";
        add("one-bad-transaction-set", "a bad call in the second of three sets", edit(good, 20, s -> badCall),
                records(7, reject(20, badCall, "TCD10")));
        add("one-bad-transaction-set", "the second of three sets miscounted", edit(good, 23, s -> "SE*11*0002"),
                whole(7, 23));
        add("one-bad-transaction-set", "the second of three sets is an 810", edit(good, 14, s -> "ST*810*0002"),
                whole(7, 14));
    }

    private void values() {
        String first = good().get(8);
        valueCase("impossible-date", "TCD02 20260230", 9, first.replace("*20261015*1300", "*20260230*1300"), "TCD02");
        String fourth = good().get(19);
        valueCase("impossible-date", "TCD03 2561", 20, fourth.replace("*1000*", "*2561*"), "TCD03");
        add("impossible-date", "BIG01 20261131", edit(good(), 4, s -> "BIG*20261131*TW-2026-10-A"), whole(5, 4));
        add("negative-number", "a negative net amount (a credit)", edit(good(), 9,
                s -> s.replace("*0.0240*0.0240", "*0.0240*-0.0240")), Expected.Records.allGood(5));
        valueCase("negative-number", "negative minutes", 9, first.replace("**2**", "**-2**"), "TCD10");
        valueCase("overflowing-number", "TCD13 1e400", 9, first.replace("*0.0240*0.0240", "*0.0240*1e400"),
                "TCD13");
        valueCase("overflowing-number", "a 15-digit TCD13", 9, first.replace("*0.0240*0.0240",
                "*0.0240*999999999999999"), "TCD13");
        valueCase("overflowing-number", "8 decimals in TCD13", 9, first.replace("*0.0240*0.0240",
                "*0.0240*0.12345678"), "TCD13");
        add("overflowing-number", "a 15-digit TDS01", edit(good(), 12, s -> "TDS*999999999999999"), whole(5, 12));
        valueCase("very-long-line", "a 500-character leg reference (TCD01 holds 80)", 9,
                first.replace("leg-03", "l".repeat(500)), "TCD01");
        // StAEDI reads an element into a buffer of a few thousand characters: a longer one stops the reading
        add("very-long-line", "a 1 MB leg reference", edit(good(), 9, s -> s.replace("leg-03", "l".repeat(1 << 20))),
                whole(5, 9));

        List<List<String>> twice = mutableSets();
        twice.get(0).add(5, twice.get(0).get(5));
        List<String> repeated = interchange(twice);
        add("duplicate-line", "a call repeated, the count adjusted", repeated, Expected.Records.allGood(6));
        add("duplicate-line", "a call repeated, the count not adjusted", edit(repeated, 14, s -> "SE*11*0001"),
                whole(6, 14));

        add("mixed-line-endings", "CRLF, LF and none after the terminators", text(good(), "\r\n", "\n", ""),
                Expected.Records.allGood(5));
        String fifth = good().get(20).replace("**0.5**", "**half**");
        add("mixed-line-endings", "CRLF, LF and none, a bad call below them",
                text(edit(good(), 21, s -> fifth), "\r\n", "\n", ""), records(5, reject(21, fifth, "TCD10")));
        add("trailing-garbage", "text after IEA", text(good(), "\n") + "garbage", whole(5, 26));
        add("trailing-garbage", "blank lines after IEA", text(good(), "\n") + "\n\n", Expected.Records.allGood(5));
    }

    private void bytes() {
        byte[] good = text(good(), "\n").getBytes(StandardCharsets.UTF_8);
        cases.add(CorpusCase.of(Format.CARRIER_X12, "byte-order-mark", "UTF-8 byte order mark", FILE,
                CsvCorpus.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, good),
                Expected.Records.allGood(5)));
        add("byte-order-mark", "byte order mark and blank lines before ISA", "\uFEFF\n \n" + text(good(), "\n"),
                Expected.Records.allGood(5));
        cases.add(CorpusCase.of(Format.CARRIER_X12, "non-utf8-bytes", "a Latin-1 byte in segment 10", FILE,
                withByte(good(), 10, (byte) 0xE9), whole(5, 10)));
        cases.add(CorpusCase.of(Format.CARRIER_X12, "non-utf8-bytes", "a NUL byte in segment 11", FILE,
                withByte(good(), 11, (byte) 0), whole(5, 11)));
        cases.add(CorpusCase.of(Format.CARRIER_X12, "empty-file", "zero bytes", FILE, new byte[0],
                new Expected.Whole(0, "line 1")));
    }

    /** The interchange with {@code b} added before the terminator of segment {@code segment}. */
    private static byte[] withByte(List<String> segments, int segment, byte b) {
        String before = text(segments.subList(0, segment), "\n");
        String after = text(segments.subList(segment, segments.size()), "\n");
        byte[] head = before.substring(0, before.length() - 2).getBytes(StandardCharsets.UTF_8);
        return CsvCorpus.concat(CsvCorpus.concat(head, new byte[] {b}),
                ("~\n" + after).getBytes(StandardCharsets.UTF_8));
    }

    private void valueCase(String mutation, String name, int segment, String tcd, String mention) {
        add(mutation, name, edit(good(), segment, s -> tcd), records(5, reject(segment, tcd, mention)));
    }

    private static List<List<String>> mutableSets() {
        List<List<String>> sets = new ArrayList<>();
        goodSets().forEach(s -> sets.add(new ArrayList<>(s)));
        return sets;
    }

    private static List<String> edit(List<String> segments, int segment, UnaryOperator<String> change) {
        List<String> copy = new ArrayList<>(segments);
        copy.set(segment - 1, change.apply(copy.get(segment - 1)));
        return copy;
    }

    private void add(String mutation, String name, List<String> segments, Expected expected) {
        add(mutation, name, text(segments, "\n"), expected);
    }

    private void add(String mutation, String name, String text, Expected expected) {
        cases.add(CorpusCase.of(Format.CARRIER_X12, mutation, name, FILE, text.getBytes(StandardCharsets.UTF_8),
                expected));
    }

    private static Expected whole(int recordsIn, int segment) {
        return new Expected.Whole(recordsIn, "segment " + segment);
    }

    private static Expected records(int recordsIn, Expected.Rejection rejection) {
        return new Expected.Records(recordsIn, List.of(rejection));
    }

    private static Expected.Rejection reject(int segment, String raw, String mention) {
        return new Expected.Rejection("segment " + segment, raw, mention);
    }
}
