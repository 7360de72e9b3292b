package io.billinghub.badinput;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Records counted without the parsers, where a format makes that simple: how many a parser that read the input
 * must have accepted and rejected together. Null where counting would mean parsing again (quoted CSV).
 */
final class RecordCount {

    private RecordCount() {
    }

    static Integer of(Format format, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return switch (format) {
            case CARRIER_CSV, CARRIER_X12 -> text.stripLeading().startsWith("ISA") ? calls(text.stripLeading())
                    : lines(text);
            case GENESYS_USAGE, GENESYS_ORG -> elements(text, "entities");
            case CXONE_REPORT -> elements(text, "data");
            default -> null;
        };
    }

    /** The carrier CSV: every non-blank line below the header. */
    private static int lines(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return Math.max(0, lines.size() - 1);
    }

    /** X12: the TCD segments, split at the terminator the ISA declares (its 106th character). */
    private static int calls(String text) {
        String separator = String.valueOf(text.charAt(3));
        String terminator = String.valueOf(text.charAt(105));
        int calls = 0;
        for (String segment : text.split(Pattern.quote(terminator))) {
            if (segment.strip().startsWith("TCD" + separator)) {
                calls++;
            }
        }
        return calls;
    }

    private static int elements(String text, String field) {
        return JsonCorpus.read(text).get(field).size();
    }
}
