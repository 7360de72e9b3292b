package io.billinghub.badinput;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Structure-aware mutations for the fuzzer: edits of a good file at random places, with tokens that mean something
 * to some format (quotes, delimiters, line ends, separators and terminators, out-of-range numbers and dates, bytes
 * that are not UTF-8), besides random text. Positions wrap around the file, so every edit applies.
 */
final class FuzzEdits {

    enum Op { INSERT, DELETE, REPLACE, DUPLICATE_LINE, DROP_LINE, TRUNCATE }

    record Edit(Op op, int at, int length, byte[] token) {
    }

    private static final List<byte[]> TOKENS = List.of(
            utf8("\""), utf8(","), utf8(";"), utf8("\t"), utf8("\r"), utf8("\n"), utf8("\r\n"), utf8(" "),
            new byte[] {0}, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[] {(byte) 0xE9},
            new byte[] {(byte) 0xC3, 0x28}, utf8("\u001a"), utf8("1e400"), utf8("-1"), utf8("1E+999999999"),
            utf8("123456789012345678901234567890"), utf8("0.0000001"), utf8("2026-02-30"), utf8("25:61"),
            utf8("~"), utf8("*"), utf8("|"), utf8(":"), utf8("^"), utf8("ISA"), utf8("SE*1*0001~"), utf8("TCD*x~"),
            utf8("{"), utf8("}"), utf8("["), utf8("]"), utf8("null"), utf8("true"), utf8("\"x\""), utf8("{}"),
            utf8("TOTAL"), utf8("LINE"), utf8("USD"), utf8("EUR"), utf8("\u00e9\u4e2d\ud83d\ude00"));

    private FuzzEdits() {
    }

    /** Between one and six edits. */
    static Arbitrary<List<Edit>> edits() {
        Arbitrary<byte[]> token = Arbitraries.oneOf(Arbitraries.of(TOKENS),
                Arbitraries.strings().ofMaxLength(12).map(FuzzEdits::utf8),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8));
        return Combinators.combine(Arbitraries.of(Op.class), Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.integers().between(1, 40), token).as(Edit::new).list().ofMinSize(1).ofMaxSize(6);
    }

    static byte[] apply(byte[] content, List<Edit> edits) {
        byte[] result = content;
        for (Edit edit : edits) {
            result = apply(result, edit);
        }
        return result;
    }

    private static byte[] apply(byte[] content, Edit edit) {
        int at = content.length == 0 ? 0 : edit.at() % (content.length + 1);
        return switch (edit.op()) {
            case INSERT -> splice(content, at, 0, edit.token());
            case DELETE -> splice(content, at, Math.min(edit.length(), content.length - at), new byte[0]);
            case REPLACE -> splice(content, at, Math.min(edit.token().length, content.length - at), edit.token());
            case TRUNCATE -> Arrays.copyOf(content, at);
            case DUPLICATE_LINE, DROP_LINE -> lines(content, edit);
        };
    }

    private static byte[] lines(byte[] content, Edit edit) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                lines.add(Arrays.copyOfRange(content, start, i + 1));
                start = i + 1;
            }
        }
        lines.add(Arrays.copyOfRange(content, start, content.length));
        int line = edit.at() % lines.size();
        if (edit.op() == Op.DUPLICATE_LINE) {
            lines.add(line, lines.get(line));
        } else {
            lines.remove(line);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static byte[] splice(byte[] content, int at, int remove, byte[] insert) {
        byte[] result = new byte[content.length - remove + insert.length];
        System.arraycopy(content, 0, result, 0, at);
        System.arraycopy(insert, 0, result, at, insert.length);
        System.arraycopy(content, at + remove, result, at + insert.length, content.length - at - remove);
        return result;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
