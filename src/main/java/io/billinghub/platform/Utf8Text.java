package io.billinghub.platform;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bytes read as UTF-8 text, refusing anything that is not, so that no record is parsed from mangled bytes. */
public final class Utf8Text {

    private static final char BOM = '\uFEFF';

    private Utf8Text() {
    }

    /** The bytes are not text; {@code offset} is the first byte that is not. */
    public static final class NotText extends Exception {

        private final int offset;

        NotText(String reason, int offset) {
            super(reason, null, false, false);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    /**
     * @return the text, without a leading byte order mark
     * @throws NotText at the first byte that is not UTF-8, or at a NUL byte (binary content that happens to decode)
     */
    public static String decode(byte[] bytes) throws NotText {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new NotText("not valid UTF-8 text at byte " + (in.position() + 1), in.position());
        }
        decoder.flush(out);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new NotText("a NUL character at byte " + (i + 1) + " (binary content)", i);
            }
        }
        String text = out.flip().toString();
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    /** The 1-based line of the byte at {@code offset}: LF, CRLF and a lone CR each end a line, as CSV readers count. */
    public static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n')) {
                line++;
            }
        }
        return line;
    }
}
