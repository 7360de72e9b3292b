package io.billinghub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A section of README.md that a test keeps current: the text between {@code <!-- name:begin -->} and
 * {@code <!-- name:end -->} must be what the test computed from what it ran. With {@code -Dhub.readme.update=true}
 * the test rewrites the section instead of failing. Each table has its own name, so several tests can keep
 * several sections.
 */
public final class ReadmeTable {

    public static final String UPDATE_PROPERTY = "hub.readme.update";

    private final Path readme;
    private final String name;
    private final String begin;
    private final String end;

    public ReadmeTable(Path readme, String name) {
        this.readme = readme;
        this.name = name;
        this.begin = "<!-- " + name + ":begin -->";
        this.end = "<!-- " + name + ":end -->";
    }

    /** The section {@code name} of the project's README (tests run in the project directory). */
    public static ReadmeTable named(String name) {
        return new ReadmeTable(Path.of("README.md"), name);
    }

    /** A markdown table: the header row, its rule, then one line per row; cells must not hold '|' or line breaks. */
    public static String markdown(List<String> header, List<List<String>> rows) {
        StringBuilder table = new StringBuilder(row(header));
        table.append(row(header.stream().map(h -> "---").toList()));
        rows.forEach(r -> table.append(row(r)));
        return table.toString();
    }

    /**
     * Checks that the section holds {@code content} (lines ending in '\n'), or rewrites it when
     * {@value #UPDATE_PROPERTY} is true.
     *
     * @throws AssertionError with a line diff of the section when it differs
     */
    public void check(String content) {
        String text = read();
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new AssertionError(readme + " has no section between " + begin + " and " + end);
        }
        int start = from + begin.length() + 1;
        String current = text.substring(Math.min(start, to), to);
        if (current.equals(content)) {
            return;
        }
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(text.substring(0, start) + content + text.substring(to));
            return;
        }
        throw new AssertionError("The README section '" + name + "' is not what the tests found (- README, + tests);"
                + " run the tests with -D" + UPDATE_PROPERTY + "=true to rewrite it:\n"
                + diff(lines(current), lines(content)));
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static List<String> lines(String text) {
        String[] parts = text.split("\n", -1);
        return List.of(parts).subList(0, text.isEmpty() || text.endsWith("\n") ? parts.length - 1 : parts.length);
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
        return String.join("\n", out);
    }

    private String read() {
        try {
            return Files.readString(readme, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String text) {
        try {
            Files.writeString(readme, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
