package io.billinghub.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A section of README.md that tests keep current: the text between {@code <!-- name:begin -->} and
 * {@code <!-- name:end -->}. A test hands in what the section must say; it is compared with the README and a
 * difference fails with the lines that differ, or, with {@code -Dhub.readme.update=true}, the section is rewritten.
 */
public final class ReadmeSection {

    public static final String UPDATE_PROPERTY = "hub.readme.update";

    private final Path readme;
    private final String begin;
    private final String end;

    public ReadmeSection(Path readme, String name) {
        this.readme = readme;
        this.begin = "<!-- " + name + ":begin -->";
        this.end = "<!-- " + name + ":end -->";
    }

    /** The section of the README.md of the project the tests run in. */
    public static ReadmeSection of(String name) {
        return new ReadmeSection(Path.of("README.md"), name);
    }

    /** The section's lines as the README has them now. */
    public List<String> lines() {
        String text = read();
        return text.substring(text.indexOf(begin) + begin.length(), text.indexOf(end)).strip().lines().toList();
    }

    /** Fails unless the section says exactly {@code expected}; rewrites it instead when asked to. */
    public void verify(List<String> expected) {
        List<String> current = lines();
        if (current.equals(expected)) {
            return;
        }
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(expected);
            return;
        }
        throw new AssertionError("README.md section " + begin + " is not what the tests produced (rerun with -D"
                + UPDATE_PROPERTY + "=true to rewrite it):\n" + diff(current, expected));
    }

    /** A markdown table: the header row, its separator, one line per row. */
    public static List<String> table(List<String> header, List<List<String>> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(row(header));
        lines.add(row(header.stream().map(h -> "---").toList()));
        rows.forEach(r -> lines.add(row(r)));
        return lines;
    }

    /** The cells of a table line written by {@link #table}. */
    public static List<String> cells(String line) {
        String inner = line.strip();
        return List.of(inner.substring(1, inner.length() - 1).split(" \\| ", -1)).stream().map(String::strip)
                .toList();
    }

    /** The lines of a longest common subsequence stay; the others are marked '-' (README) or '+' (tests). */
    static String diff(List<String> was, List<String> now) {
        int[][] common = new int[was.size() + 1][now.size() + 1];
        for (int i = was.size() - 1; i >= 0; i--) {
            for (int j = now.size() - 1; j >= 0; j--) {
                common[i][j] = was.get(i).equals(now.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < was.size() || j < now.size()) {
            if (i < was.size() && j < now.size() && was.get(i).equals(now.get(j))) {
                i++;
                j++;
            } else if (j < now.size() && (i == was.size() || common[i][j + 1] >= common[i + 1][j])) {
                out.add("+ " + now.get(j++));
            } else {
                out.add("- " + was.get(i++));
            }
        }
        return String.join("\n", out) + "\n";
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    private String read() {
        try {
            String text = Files.readString(readme, UTF_8);
            if (!text.contains(begin) || text.indexOf(end) < text.indexOf(begin)) {
                throw new IllegalStateException(readme + " has no section " + begin + " ... " + end);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(List<String> lines) {
        String text = read();
        String updated = text.substring(0, text.indexOf(begin) + begin.length()) + "\n" + String.join("\n", lines)
                + "\n" + text.substring(text.indexOf(end));
        try {
            Files.writeString(readme, updated, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
