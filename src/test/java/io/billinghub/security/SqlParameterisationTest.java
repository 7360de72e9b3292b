package io.billinghub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every SQL statement of the hub is parameterised: a scan of src/main/java and routes/. SQL text handed to JDBC may
 * be built only from string literals and String constants of its own class; values travel as parameters. The few
 * statements built from constant column lists are named in {@link #ALLOWED} with the reason. SQL text is never
 * formatted (String.format, formatted), and no route runs SQL with Simple-language interpolation.
 */
class SqlParameterisationTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path ROUTES = Path.of("routes");
    /** A call that runs or prepares SQL: on a JDBC template, a connection or a statement. */
    private static final Pattern EXECUTES = Pattern.compile("\\b(\\w*jdbc\\w*|con|connection|statement|stmt|ps)"
            + "\\s*\\.\\s*(query\\w*|update|batchUpdate|execute|executeQuery|executeUpdate|prepareStatement"
            + "|prepareCall|addBatch)\\s*\\(", Pattern.CASE_INSENSITIVE);
    /** Appending to a builder of SQL text (named sql...). */
    private static final Pattern APPENDS_TO_SQL = Pattern.compile("\\b\\w*sql\\w*\\s*\\.\\s*append\\s*\\(",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FORMATS = Pattern.compile(
            "(\\bString\\s*\\.\\s*format\\s*\\(|\\.\\s*formatted\\s*\\()");
    private static final Pattern SQL_TEXT = Pattern.compile("(?is).*\\b(select\\b.*\\bfrom|insert\\s+into"
            + "|update\\s+\\w+\\s+set|delete\\s+from|truncate\\s|alter\\s+table|create\\s+table|drop\\s+table"
            + "|on\\s+conflict)\\b.*");
    private static final Pattern LITERAL = Pattern.compile("\"\\d+\"");
    private static final Pattern CONSTANT = Pattern.compile(
            "static\\s+final\\s+String\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*([^;]+);");
    /** SQL operands that are not literals or String constants, by file, and why they are safe. */
    private static final Map<String, String> ALLOWED = Map.of(
            "CxoneStaging.java: unnest", "one ?::text[]::<type>[] per entry of the constant TYPES array",
            "CxoneStaging.java: columns", "the constant COLUMNS array, joined",
            "CxoneStaging.java: updates", "column = excluded.column for the constant COLUMNS",
            "ExceptionQueue.java: sql.toString()", "a StringBuilder of literal clauses (checked below)");

    @Test
    void sqlHandedToJdbcIsBuiltFromLiteralsAndConstantsOnly() {
        Set<String> operands = nonConstantOperands(EXECUTES);
        assertThat(operands).containsAll(ALLOWED.keySet());
        operands.removeAll(ALLOWED.keySet());
        assertThat(operands).isEmpty();
    }

    @Test
    void sqlBuildersAppendLiteralsOnly() {
        assertThat(nonConstantOperands(APPENDS_TO_SQL)).isEmpty();
    }

    @Test
    void sqlTextIsNeverFormatted() throws IOException {
        List<String> formatted = new ArrayList<>();
        for (Path file : javaSources()) {
            Source source = Source.of(file);
            Matcher call = FORMATS.matcher(source.code);
            while (call.find()) {
                // the format string: the first argument of String.format, the literal before .formatted(
                String text = call.group().startsWith(".") ? source.literalBefore(call.start())
                        : source.literals(firstArgument(source.code, call.end()));
                if (SQL_TEXT.matcher(text).matches()) {
                    formatted.add(file.getFileName() + ": " + text.strip());
                }
            }
        }
        assertThat(formatted).isEmpty();
    }

    @Test
    void routesRunNoSqlWithInterpolation() throws IOException {
        List<String> interpolated = new ArrayList<>();
        try (Stream<Path> routes = Files.list(ROUTES)) {
            for (Path route : routes.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                for (String line : Files.readAllLines(route, StandardCharsets.UTF_8)) {
                    if (line.matches(".*\\b(sql|jdbc|spring-jdbc|sql-stored):.*") && line.contains("${")) {
                        interpolated.add(route.getFileName() + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(interpolated).isEmpty();
    }

    /** The scan itself finds what it is for, and passes what is fine. */
    @Test
    void theScanFlagsConcatenatedValuesAndFormattedSql() {
        Source unsafe = Source.parse("""
                class Unsafe {
                    private static final String TABLE = "carrier_invoice";
                    List<String> find(String carrier, String column) {
                        jdbc.update("update " + TABLE + " set status = 'X' where id = :id", p);
                        jdbc.query("select * from " + TABLE + " where carrier = '" + carrier + "'", mapper);
                        return jdbc.queryForList("select %s from t".formatted(column), String.class);
                    }
                }""");
        assertThat(unsafe.nonConstantOperands(EXECUTES)).containsExactly("carrier", "\"select %s from t\""
                + ".formatted(column)");
    }

    /** Every non-constant SQL operand of the hub, as "File.java: operand". */
    private static Set<String> nonConstantOperands(Pattern calls) {
        Set<String> found = new TreeSet<>();
        for (Path file : javaSources()) {
            Source.of(file).nonConstantOperands(calls)
                    .forEach(operand -> found.add(file.getFileName() + ": " + operand));
        }
        return found;
    }

    private static List<Path> javaSources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text up to the call's first top-level comma or closing parenthesis. */
    private static String firstArgument(String code, int start) {
        int depth = 0;
        for (int i = start; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    return code.substring(start, i);
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return code.substring(start, i);
            }
        }
        return code.substring(start);
    }

    /** Operands of a top-level {@code +}. */
    private static List<String> operands(String expression) {
        List<String> operands = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == '+' && depth == 0) {
                operands.add(expression.substring(from, i).strip());
                from = i + 1;
            }
        }
        operands.add(expression.substring(from).strip());
        return operands;
    }

    /** A Java source without comments, its string literals replaced by "n" (their index in {@link #literals}). */
    private record Source(String code, List<String> literals, Set<String> constants) {

        static Source of(Path file) {
            try {
                return parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Source parse(String text) {
            StringBuilder code = new StringBuilder();
            List<String> literals = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                if (text.startsWith("//", i)) {
                    int end = text.indexOf('\n', i);
                    i = end < 0 ? text.length() : end;
                } else if (text.startsWith("/*", i)) {
                    i = text.indexOf("*/", i + 2) + 2;
                } else if (text.startsWith("\"\"\"", i)) {
                    int end = text.indexOf("\"\"\"", i + 3);
                    while (text.charAt(end - 1) == '\\') {
                        end = text.indexOf("\"\"\"", end + 1);
                    }
                    literals.add(text.substring(i + 3, end));
                    code.append('"').append(literals.size() - 1).append('"');
                    i = end + 3;
                } else if (text.charAt(i) == '"' || text.charAt(i) == '\'') {
                    char quote = text.charAt(i);
                    int end = i + 1;
                    while (text.charAt(end) != quote) {
                        end += text.charAt(end) == '\\' ? 2 : 1;
                    }
                    if (quote == '"') {
                        literals.add(text.substring(i + 1, end));
                        code.append('"').append(literals.size() - 1).append('"');
                    } else {
                        code.append("'c'");
                    }
                    i = end + 1;
                } else {
                    code.append(text.charAt(i++));
                }
            }
            Set<String> constants = new HashSet<>();
            Matcher constant = CONSTANT.matcher(code);
            // constants built of literals, then of other constants
            for (boolean grew = true; grew; ) {
                grew = false;
                constant.reset();
                while (constant.find()) {
                    if (!constants.contains(constant.group(1)) && operands(constant.group(2)).stream()
                            .allMatch(o -> LITERAL.matcher(o).matches() || constants.contains(o))) {
                        grew = constants.add(constant.group(1));
                    }
                }
            }
            return new Source(code.toString(), literals, constants);
        }

        /**
         * The operands of the calls' first arguments (SQL text) that are neither literals nor constants. A lambda
         * or method reference creates its statement elsewhere, where that call is checked.
         */
        List<String> nonConstantOperands(Pattern calls) {
            List<String> found = new ArrayList<>();
            Matcher call = calls.matcher(code);
            while (call.find()) {
                String argument = firstArgument(code, call.end()).strip();
                if (argument.contains("->") || argument.contains("::")) {
                    continue;
                }
                for (String operand : operands(argument)) {
                    if (!LITERAL.matcher(operand).matches() && !constants.contains(operand)) {
                        found.add(restore(operand));
                    }
                }
            }
            return found;
        }

        /** The text of the literals in an expression. */
        String literals(String expression) {
            StringBuilder text = new StringBuilder();
            Matcher literal = LITERAL.matcher(expression);
            while (literal.find()) {
                text.append(literals.get(Integer.parseInt(literal.group().replace("\"", "")))).append(' ');
            }
            return text.toString();
        }

        /** The literal just before a position ("...".formatted(...)). */
        String literalBefore(int position) {
            int end = code.lastIndexOf('"', position - 1);
            int start = code.lastIndexOf('"', end - 1);
            return start < 0 ? "" : literals(code.substring(start, end + 1));
        }

        /** The expression with its literals written back, for messages. */
        private String restore(String expression) {
            Matcher literal = LITERAL.matcher(expression);
            StringBuilder text = new StringBuilder();
            while (literal.find()) {
                literal.appendReplacement(text, Matcher.quoteReplacement("\""
                        + literals.get(Integer.parseInt(literal.group().replace("\"", ""))) + "\""));
            }
            return literal.appendTail(text).toString();
        }
    }
}
