package io.billinghub.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A stream read as UTF-8 text one line at a time, holding a buffer and the current line only, and refusing what is
 * not text exactly as {@link Utf8Text#decode} refuses a whole file: the first byte that is not UTF-8, else the first
 * NUL. Since a byte that is not UTF-8 anywhere in the stream is reported before a NUL, a NUL ends the lines and the
 * rest of the stream is only checked. Lines end as {@link String#lines()} ends them (LF, CRLF or a lone CR), which
 * numbers them as {@link Utf8Text#lineAt} does; a byte order mark at the start is dropped.
 */
public final class Utf8Lines {

    private static final char BOM = '\uFEFF';
    private static final int BUFFER = 1 << 16;

    /** The stream is not text; {@code line} is where the offending byte is. */
    public static final class NotText extends Exception {

        private final int line;

        NotText(String reason, int line) {
            super(reason, null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER);
    private final char[] text = chars.array();
    /** Where in the stream bytes[0] is. */
    private long bytesBefore;
    private boolean endOfStream;
    private boolean started;
    /** Decoded text not yet split: text[next..limit). */
    private int next;
    private int limit;
    /** The last line end was a CR: an LF right after it belongs to it. */
    private boolean afterCr;
    private int line;
    private long firstNul = -1;
    private boolean checkingOnly;

    public Utf8Lines(InputStream in) {
        this.in = in;
    }

    /** The number of the line {@link #next()} returned last (1 for the first line of the stream). */
    public int line() {
        return line;
    }

    /** @return the next line without its line end, or null after the last one */
    public String next() throws IOException, NotText {
        StringBuilder longLine = null;
        while (true) {
            if (next == limit && !decode()) {
                return longLine == null ? null : end(longLine.toString());
            }
            if (afterCr) {
                afterCr = false;
                if (text[next] == '\n') {
                    next++;
                    continue;
                }
            }
            int at = next;
            while (at < limit && text[at] != '\n' && text[at] != '\r' && (text[at] != 0 || checkingOnly)) {
                at++;
            }
            if (at == limit) {
                longLine = (longLine == null ? new StringBuilder() : longLine).append(text, next, at - next);
                next = at;
                continue;
            }
            if (text[at] == 0) {
                throw nul();
            }
            String result = longLine == null ? new String(text, next, at - next)
                    : longLine.append(text, next, at - next).toString();
            afterCr = text[at] == '\r';
            next = at + 1;
            return end(result);
        }
    }

    /** Reads the rest of the stream, so that what is not text in it is refused. */
    public void checkRest() throws IOException, NotText {
        String skipped;
        do {
            skipped = next();
        } while (skipped != null);
    }

    private String end(String result) {
        line++;
        return result;
    }

    /** The first NUL has been decoded (every byte before it is text): the rest may still hold a byte that is not. */
    private NotText nul() throws IOException, NotText {
        int nulLine = line + 1;
        checkingOnly = true;
        checkRest();
        return new NotText("a NUL character at byte " + (firstNul + 1) + " (binary content)", nulLine);
    }

    /** Decodes the next stretch of text into text[0..limit); false at the end of the stream. */
    private boolean decode() throws IOException, NotText {
        chars.clear();
        next = 0;
        limit = 0;
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, endOfStream);
            if (result.isError()) {
                throw new NotText("not valid UTF-8 text at byte " + (bytesBefore + bytes.position() + 1),
                        line + 1 + lineEnds(chars.position()));
            }
            if (chars.position() > 0) {
                break;
            }
            if (endOfStream) {
                return false;
            }
            read();
        }
        limit = chars.position();
        if (!started) {
            started = true;
            if (text[0] == BOM) {
                next = 1;
            }
        }
        return true;
    }

    private void read() throws IOException {
        bytesBefore += bytes.position();
        bytes.compact();
        int from = bytes.position();
        int n = in.read(bytes.array(), from, bytes.remaining());
        if (n < 0) {
            endOfStream = true;
        } else {
            bytes.position(from + n);
            if (firstNul < 0) {
                findNul(from, from + n);
            }
        }
        bytes.flip();
    }

    private void findNul(int from, int to) {
        byte[] array = bytes.array();
        for (int i = from; i < to; i++) {
            if (array[i] == 0) {
                firstNul = bytesBefore + i;
                return;
            }
        }
    }

    /** Line ends in the decoded text not split yet, text[0..end): a CR followed by an LF is one. */
    private int lineEnds(int end) {
        int ends = 0;
        boolean cr = afterCr;
        for (int i = 0; i < end; i++) {
            char c = text[i];
            if (c == '\r' || c == '\n' && !cr) {
                ends++;
            }
            cr = c == '\r';
        }
        return ends;
    }
}
