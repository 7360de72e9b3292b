package io.billinghub.badinput;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Mutations every CSV format is tried with, applied to its good fixture. Data row {@code i} stands on line
 * {@code i + 2}, below the header; each case states from the mutation which lines must be rejected and with which
 * text, or where the file becomes unreadable.
 */
final class CsvCorpus {

    static final String ONE_MEGABYTE_OF_DIGITS = "1".repeat(1 << 20);
    private static final byte[] LATIN1_E_ACUTE = {(byte) 0xE9};
    private static final byte[] INVALID_SEQUENCE = {(byte) 0xC3, 0x28};

    private final CsvSpec spec;
    private final List<String> rows;
    private final int n;
    private final List<CorpusCase> cases = new ArrayList<>();

    private CsvCorpus(CsvSpec spec) {
        this.spec = spec;
        this.rows = spec.rows().stream().map(CsvCorpus::line).toList();
        this.n = rows.size();
    }

    static List<CorpusCase> cases(CsvSpec spec) {
        CsvCorpus corpus = new CsvCorpus(spec);
        corpus.structure();
        corpus.encoding();
        corpus.columns();
        corpus.sizes();
        corpus.values();
        return List.copyOf(corpus.cases);
    }

    private void structure() {
        String quoted = rows.get(1).replaceFirst(",", ",\"");
        add("malformed-row", "unbalanced quote on line 3", file(replace(1, quoted)),
                spec.lineBased() ? bad(n, row(1, quoted, null)) : unreadable(n, 3));
        String fewer = rows.get(1).substring(0, rows.get(1).lastIndexOf(','));
        add("malformed-row", "a field missing on line 3", file(replace(1, fewer)), bad(n, row(1, fewer, null)));
        String more = rows.get(2) + ",surplus";
        add("malformed-row", "a field too many on line 4", file(replace(2, more)), bad(n, row(2, more, null)));

        add("wrong-delimiter", "semicolons throughout", text(header().replace(',', ';'),
                rows.stream().map(r -> r.replace(',', ';')).toList(), "\n"), unreadable(n, 1));
        add("wrong-delimiter", "tabs throughout", text(header().replace(',', '\t'),
                rows.stream().map(r -> r.replace(',', '\t')).toList(), "\n"), unreadable(n, 1));
        String semicolons = rows.get(0).replace(',', ';');
        add("wrong-delimiter", "semicolons on line 2", file(replace(0, semicolons)),
                bad(n, row(0, semicolons, null)));

        List<String> repeated = new ArrayList<>(rows);
        repeated.add(1, rows.get(0));
        add("duplicate-line", "line 2 repeated on line 3", file(repeated), spec.repeatsRejected()
                ? bad(n + 1, new Bad(3, rows.get(0), null)) : Expected.Records.allGood(n + 1));

        add("empty-file", "zero bytes", new byte[0], unreadable(0, 1));
        add("empty-file", "blank lines only", utf8("\n\n\n"), unreadable(0, 1));
        add("header-only", "the header and nothing else", utf8(header() + "\n"), spec.headerOnly());

        add("mixed-line-endings", "CRLF, LF and CR line ends", text(header(), rows, "\r\n", "\n", "\r"),
                Expected.Records.allGood(n));
        // the row before the last: its line number counts every kind of line end above it
        List<List<String>> oneBad = spec.withValue(n - 2, spec.checkedColumn(), "abc");
        add("mixed-line-endings", "CRLF, LF and CR line ends, a bad row below them", text(header(),
                oneBad.stream().map(CsvCorpus::line).toList(), "\r\n", "\n", "\r"),
                bad(n, row(n - 2, line(oneBad.get(n - 2)), spec.checkedColumn())));

        List<String> ctrlZ = new ArrayList<>(rows);
        ctrlZ.add("\u001a");
        add("trailing-garbage", "a Ctrl-Z line at the end", file(ctrlZ), bad(n + 1, new Bad(n + 2, "\u001a", null)));
    }

    private void encoding() {
        add("byte-order-mark", "UTF-8 byte order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                file(rows)), Expected.Records.allGood(n));
        add("non-utf8-bytes", "a Latin-1 byte on line 3", withBytes(1, LATIN1_E_ACUTE),
                spec.streamed() ? new Expected.Whole(n, null) : unreadable(n, 3));
        add("non-utf8-bytes", "an invalid UTF-8 sequence on line 4", withBytes(2, INVALID_SEQUENCE),
                spec.streamed() ? new Expected.Whole(n, null) : unreadable(n, 4));
        add("non-utf8-bytes", "a NUL byte on line 2", withBytes(0, new byte[] {0}),
                spec.streamed() ? bad(n, row(0, rows.get(0) + "\0", null)) : unreadable(n, 2));
    }

    private void columns() {
        int required = spec.column(spec.requiredColumn());
        add("missing-column", "required column " + spec.requiredColumn() + " dropped",
                text(line(without(spec.header(), required)), spec.rows().stream().map(r -> line(without(r, required)))
                        .toList(), "\n"), unreadable(n, 1));
        add("missing-column", "required column " + spec.requiredColumn() + " misspelt",
                text(header().replace(spec.requiredColumn(), spec.requiredColumn() + "_x"), rows, "\n"),
                unreadable(n, 1));
        add("extra-column", "an unknown column added", text(header() + ",note",
                rows.stream().map(r -> r + ",x").toList(), "\n"), Expected.Records.allGood(n));
    }

    private void sizes() {
        String column = spec.checkedColumn();
        List<List<String>> huge = spec.withValue(1, column, ONE_MEGABYTE_OF_DIGITS);
        add("very-long-line", "1 MB of digits in " + column + " on line 3", file(huge.stream()
                .map(CsvCorpus::line).toList()), bad(n, row(1, line(huge.get(1)), column)));
        String junk = "x".repeat(1 << 20);
        List<String> withJunk = new ArrayList<>(rows);
        withJunk.add(1, junk);
        add("very-long-line", "a 1 MB line without delimiters on line 3", file(withJunk),
                bad(n + 1, new Bad(3, junk, null)));
        List<List<String>> trailing = spec.withValue(0, column, spec.rows().get(0).get(spec.column(column)) + " xyz");
        add("trailing-garbage", "junk after the value of " + column + " on line 2",
                file(trailing.stream().map(CsvCorpus::line).toList()), bad(n, row(0, line(trailing.get(0)), column)));
    }

    private void values() {
        for (CsvSpec.ValueCase value : spec.values()) {
            List<List<String>> changed = spec.withValue(value.row(), value.column(), value.value());
            String raw = line(changed.get(value.row()));
            add(value.mutation(), value.name(), file(changed.stream().map(CsvCorpus::line).toList()),
                    value.badMention() == null ? Expected.Records.allGood(n)
                            : bad(n, row(value.row(), raw, value.badMention())));
        }
    }

    private void add(String mutation, String name, byte[] content, Expected expected) {
        Map<String, byte[]> files = new LinkedHashMap<>(spec.siblings());
        files.put(spec.fileName(), content);
        cases.add(new CorpusCase(spec.format(), mutation, name, files, spec.fileName(), expected));
    }

    /** A record rejected on line {@code line}, as it stands there. */
    private record Bad(int line, String raw, String mention) {
    }

    private static Bad row(int row, String raw, String mention) {
        return new Bad(row + 2, raw, mention);
    }

    private Expected bad(int in, Bad... bad) {
        if (spec.format().mappingSet()) {
            return new Expected.SetRejected(in, List.of(bad).stream().map(b -> spec.fileName() + ":" + b.line())
                    .toList());
        }
        return new Expected.Records(in, List.of(bad).stream().map(b -> new Expected.Rejection(
                spec.positionNoun() + " " + b.line(), b.raw(), b.mention())).toList());
    }

    private Expected unreadable(int in, int line) {
        if (spec.format().mappingSet()) {
            return new Expected.SetRejected(in, List.of(spec.fileName() + ":" + line));
        }
        return new Expected.Whole(in, spec.streamed() ? null : "line " + line);
    }

    private String header() {
        return line(spec.header());
    }

    private List<String> replace(int row, String line) {
        List<String> copy = new ArrayList<>(rows);
        copy.set(row, line);
        return copy;
    }

    private byte[] file(List<String> dataLines) {
        return text(header(), dataLines, "\n");
    }

    /** The data row with {@code bytes} added at its end, the other rows as they are. */
    private byte[] withBytes(int row, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(header() + "\n"));
        for (int i = 0; i < n; i++) {
            out.writeBytes(utf8(rows.get(i)));
            if (i == row) {
                out.writeBytes(bytes);
            }
            out.writeBytes(utf8("\n"));
        }
        return out.toByteArray();
    }

    /** Header and rows, each line ended by the next of {@code ends} in turn. */
    static byte[] text(String header, List<String> dataLines, String... ends) {
        StringBuilder text = new StringBuilder(header).append(ends[0]);
        for (int i = 0; i < dataLines.size(); i++) {
            text.append(dataLines.get(i)).append(ends[(i + 1) % ends.length]);
        }
        return utf8(text.toString());
    }

    static String line(List<String> fields) {
        return String.join(",", fields);
    }

    private static List<String> without(List<String> fields, int index) {
        List<String> copy = new ArrayList<>(fields);
        copy.remove(index);
        return copy;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** Splits a fixture file into its header and rows (no quoted fields in fixtures). */
    static List<List<String>> parse(String text) {
        return text.lines().filter(l -> !l.isBlank()).map(l -> List.of(l.split(",", -1)))
                .collect(Collectors.toList());
    }
}
