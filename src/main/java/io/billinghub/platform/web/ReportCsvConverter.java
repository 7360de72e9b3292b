package io.billinghub.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.platform.CsvText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Any report the REST API answers as a JSON array (of records, or of rows read with {@link ReportRows}) as CSV, when
 * the client asks for {@code text/csv} ({@code Accept: text/csv} or {@code ?format=csv}): one column per JSON field,
 * named in snake_case, in the JSON's order; decimals as plain text with their scale, instants in UTC (ISO-8601),
 * nested objects and arrays as JSON text. A report with its own CSV layout keeps its own handler method.
 */
public class ReportCsvConverter extends AbstractGenericHttpMessageConverter<Object> {

    private final ObjectMapper json;

    public ReportCsvConverter(ObjectMapper json) {
        super(new MediaType("text", "csv", StandardCharsets.UTF_8));
        this.json = json;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return Collection.class.isAssignableFrom(clazz);
    }

    @Override
    public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
        return false;
    }

    /** A list of records or of query rows; registered last, so JSON stays the answer to anyone not asking for CSV. */
    @Override
    public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
        if (!supports(clazz) || !canWrite(mediaType)) {
            return false;
        }
        Class<?> element = elementClass(type);
        return ReportRows.class.isAssignableFrom(clazz)
                || element != null && (element.isRecord() || Map.class.isAssignableFrom(element));
    }

    @Override
    protected void writeInternal(Object value, Type type, HttpOutputMessage output) throws IOException {
        List<?> rows = value instanceof List<?> list ? list : List.copyOf((Collection<?>) value);
        List<String> fields = fields(rows, type);
        List<String> header = fields.stream().map(ReportCsvConverter::snakeCase).toList();
        String csv = CsvText.write(header, rows, row -> fields.stream().map(f -> cell(field(row, f))).toList());
        output.getBody().write(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is only written", input);
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is only written", input);
    }

    /** The JSON fields of the rows: a query's columns, a record's components, else the first row's keys. */
    private static List<String> fields(List<?> rows, Type type) {
        if (rows instanceof ReportRows || !rows.isEmpty() && rows.get(0) instanceof Map) {
            return rows instanceof ReportRows report ? report.columns()
                    : ((Map<?, ?>) rows.get(0)).keySet().stream().map(String::valueOf).toList();
        }
        Class<?> element = rows.isEmpty() ? elementClass(type) : rows.get(0).getClass();
        if (element == null || !element.isRecord()) {
            throw new IllegalStateException("no CSV layout for a list of " + (element == null ? type : element));
        }
        return Arrays.stream(element.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** The element class of a declared {@code List<X>} ({@code Map} for {@code List<Map<String, Object>>}). */
    private static Class<?> elementClass(Type type) {
        if (type instanceof ParameterizedType list && list.getActualTypeArguments().length == 1) {
            Type element = list.getActualTypeArguments()[0];
            if (element instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
                return raw;
            }
            return element instanceof Class<?> c ? c : null;
        }
        return null;
    }

    private static Object field(Object row, String name) {
        if (row instanceof Map<?, ?> map) {
            return map.get(name);
        }
        try {
            return row.getClass().getMethod(name).invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("record " + row.getClass().getSimpleName() + " has no " + name, e);
        }
    }

    private Object cell(Object value) {
        if (value instanceof Map || value instanceof Collection || value instanceof JsonNode
                || value != null && value.getClass().isRecord()) {
            try {
                return json.writeValueAsString(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return value;
    }

    /** {@code sourcePosition} → {@code source_position}; snake_case names stay as they are. */
    static String snakeCase(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c) && !word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
            word.append(Character.toLowerCase(c));
        }
        words.add(word.toString());
        return String.join("_", words);
    }
}
