package io.billinghub.platform;

import java.io.Closeable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Commons CSV records with the physical line each begins on and its text exactly as written (line breaks inside
 * quotes included), which is what a rejected record is shown with. LF, CRLF and a lone CR each end a line, as
 * Commons CSV counts them. Reads a stream, keeping only the text from the current record on. Commons CSV's own
 * {@link UncheckedIOException} for a record it cannot read (a quote never closed) passes through; {@link #nextLine()}
 * then says where that record began.
 */
public final class CsvSource implements Closeable {

    /** A record, the line it begins on, and its text as written without its line end. */
    public record Entry(CSVRecord record, int line, String raw) {
    }

    private final Capture capture;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final boolean skipsEmptyLines;
    /** Where the last record read began, and the line its text ends on (the header's, before any record). */
    private long lastStart;
    private int lastStartLine = 1;
    private int lastEndLine;

    private CsvSource(Capture capture, CSVParser parser, boolean skipsEmptyLines) {
        this.capture = capture;
        this.parser = parser;
        this.records = parser.iterator();
        this.skipsEmptyLines = skipsEmptyLines;
        this.lastEndLine = (int) parser.getCurrentLineNumber();
    }

    /** Opens the source and reads the header, if the format has one. */
    public static CsvSource open(Reader reader, CSVFormat format) throws IOException {
        Capture capture = new Capture(reader);
        return new CsvSource(capture, CSVParser.builder().setReader(capture).setFormat(format).get(),
                format.getIgnoreEmptyLines());
    }

    public List<String> headerNames() {
        return parser.getHeaderNames();
    }

    public boolean hasNext() {
        return records.hasNext();
    }

    public Entry next() {
        CSVRecord record = records.next();
        long start = record.getCharacterPosition();
        if (skipsEmptyLines) {
            // the position is where Commons CSV began reading, before the empty lines it skipped
            start = capture.skipLineEnds(start);
        }
        int line = capture.lineAt(start);
        int endLine = Math.max(line, (int) parser.getCurrentLineNumber());
        String raw = capture.text(start, endLine - line + 1);
        capture.forget(start, line);
        lastStart = start;
        lastStartLine = line;
        lastEndLine = endLine;
        return new Entry(record, line, raw);
    }

    /** The line the record after the last one read begins on (after any empty lines). */
    public int nextLine() {
        long start = capture.startOfLine(lastStart, lastStartLine, lastEndLine + 1);
        return capture.lineAt(skipsEmptyLines ? capture.skipLineEnds(start) : start, start, lastEndLine + 1);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps what the parser reads, from the current record on, with the line number of where it keeps from. */
    private static final class Capture extends FilterReader {

        private final StringBuilder text = new StringBuilder();
        /** The position of text[0] in the stream, and its line. */
        private long from;
        private int fromLine = 1;

        Capture(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                text.append((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                text.append(buffer, offset, n);
            }
            return n;
        }

        int lineAt(long position) {
            return lineAt(position, from, fromLine);
        }

        /** The line of {@code position}, counting line ends from {@code start}, which is on {@code startLine}. */
        int lineAt(long position, long start, int startLine) {
            int line = startLine;
            for (long p = start; p < position; p++) {
                if (isLineEnd(p)) {
                    line++;
                }
            }
            return line;
        }

        /** Where line {@code target} begins, scanning from {@code start} on {@code startLine}. */
        long startOfLine(long start, int startLine, int target) {
            long p = start;
            int line = startLine;
            while (line < target && p < end()) {
                if (isLineEnd(p)) {
                    line++;
                }
                p++;
            }
            return p;
        }

        long skipLineEnds(long position) {
            long p = position;
            while (p < end() && (charAt(p) == '\n' || charAt(p) == '\r')) {
                p++;
            }
            return p;
        }

        /** {@code lines} lines from {@code start}, without the last one's line end. */
        String text(long start, int lines) {
            long stop = startOfLine(start, 1, lines + 1);
            if (stop > start && charAt(stop - 1) == '\n') {
                stop--;
            }
            if (stop > start && charAt(stop - 1) == '\r') {
                stop--;
            }
            return text.substring((int) (start - from), (int) (stop - from));
        }

        /** Drops what lies before {@code position}, which is on {@code line}. */
        void forget(long position, int line) {
            text.delete(0, (int) (position - from));
            from = position;
            fromLine = line;
        }

        /** A LF, or a CR not followed by LF: one line end each, as Commons CSV counts them. */
        private boolean isLineEnd(long p) {
            char c = charAt(p);
            return c == '\n' || c == '\r' && (p + 1 == end() || charAt(p + 1) != '\n');
        }

        private char charAt(long p) {
            return text.charAt((int) (p - from));
        }

        private long end() {
            return from + text.length();
        }
    }
}
