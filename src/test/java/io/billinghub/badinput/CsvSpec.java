package io.billinghub.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A CSV format's good fixture and the rules that decide what a mutation of it must give.
 *
 * @param siblings        for a mapping file, the other files of its set (unchanged); empty otherwise
 * @param lineBased       one record per physical line (the carrier format): an unbalanced quote spoils one record;
 *                        otherwise quoted fields may span lines, and an unterminated one makes the file unreadable
 * @param streamed        read as a stream (the Webex report): a file that cannot be decoded is refused whole, and a
 *                        NUL character rejects its record
 * @param positionNoun    how a rejected record's position is written: "line" or "record"
 * @param requiredColumn  a column without which the file is unreadable
 * @param checkedColumn   a column whose value is validated (an amount, else a date): junk in it rejects the record
 * @param headerOnly      what a file holding only its header gives
 * @param repeatsRejected a repeated row is rejected (Webex staging keeps the first; mapping ranges overlap)
 * @param values          the format's own value mutations
 */
record CsvSpec(Format format, String fileName, Map<String, byte[]> siblings, List<String> header,
               List<List<String>> rows, boolean lineBased, boolean streamed, String positionNoun,
               String requiredColumn, String checkedColumn, Expected headerOnly, boolean repeatsRejected,
               List<ValueCase> values) {

    /** Sets one field of one data row (row 0 is on line 2); {@code badMention} null means the record stays good. */
    record ValueCase(String mutation, String name, int row, String column, String value, String badMention) {

        static ValueCase good(String mutation, String name, int row, String column, String value) {
            return new ValueCase(mutation, name, row, column, value, null);
        }

        static ValueCase bad(String mutation, String name, int row, String column, String value) {
            return new ValueCase(mutation, name, row, column, value, column);
        }
    }

    int column(String name) {
        int at = header.indexOf(name);
        if (at < 0) {
            throw new IllegalArgumentException(fileName + " has no column " + name);
        }
        return at;
    }

    /** The rows with one field replaced. */
    List<List<String>> withValue(int row, String column, String value) {
        List<List<String>> copy = new ArrayList<>(rows);
        List<String> fields = new ArrayList<>(rows.get(row));
        fields.set(column(column), value);
        copy.set(row, fields);
        return copy;
    }
}
