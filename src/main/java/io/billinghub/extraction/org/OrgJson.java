package io.billinghub.extraction.org;

import static io.billinghub.extraction.JsonFields.required;
import static io.billinghub.extraction.JsonFields.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.platform.Reasons;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reading the vendors' organisation pages: the page checks that fail the whole page, and the field readers whose
 * {@link IllegalArgumentException} (a plain-words reason) rejects one element.
 */
final class OrgJson {

    private OrgJson() {
    }

    /** "users page 2": how messages and rejected records name a page. */
    static String pageName(OrgResource resource, int pageNumber) {
        return resource.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " page " + pageNumber;
    }

    static JsonNode read(ObjectMapper json, String body, String page) {
        try {
            JsonNode root = json.readTree(body == null ? "" : body);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException(page + " is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(page + " is not JSON: " + e.getOriginalMessage());
        } catch (NumberFormatException e) {
            // Jackson cannot hold a number such as 1e40055550101 (its exponent past int) and says so unchecked
            throw new IllegalArgumentException(page + " holds a number out of range: " + e.getMessage());
        }
    }

    /** The page must state the snapshot it was asked for: current and historical state are never mixed. */
    static void checkAsOf(JsonNode root, Instant snapshot, String page) {
        String asOf = root.path("asOf").asText("");
        Instant stated;
        try {
            stated = Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(page + " does not state the instant it is as of (asOf '" + asOf
                    + "'); asked for " + snapshot);
        }
        if (!stated.equals(snapshot)) {
            throw new IllegalArgumentException(page + " is as of " + stated + ", not the requested snapshot "
                    + snapshot);
        }
    }

    static JsonNode array(JsonNode root, String field, String page) {
        JsonNode items = root.get(field);
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException(page + " has no " + field + " array");
        }
        return items;
    }

    /** The number of pages a numbered listing has ({@code pageCount}); a page without it fails. */
    static int pageCount(JsonNode root, String page) {
        JsonNode pageCount = root.get("pageCount");
        if (pageCount == null || !pageCount.canConvertToInt()) {
            throw new IllegalArgumentException(page + " has no pageCount");
        }
        return pageCount.asInt();
    }

    /**
     * Maps each element; one that cannot be read is rejected with its position, reason and text. A mapper answers
     * null for an element that is not a record of the resource (a trunk that carries no carrier's calls), which is
     * left out.
     */
    static OrgPage map(JsonNode items, String page, Function<JsonNode, OrgRecord> mapper, Optional<String> next) {
        List<OrgRecord> records = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        int item = 0;
        for (JsonNode element : items) {
            item++;
            try {
                if (!element.isObject()) {
                    throw new IllegalArgumentException("the item is not a JSON object");
                }
                OrgRecord record = mapper.apply(element);
                if (record != null) {
                    records.add(record);
                }
            } catch (IllegalArgumentException e) {
                rejected.add(new RejectedRecord(page + " item " + item, e.getMessage(), element.toString()));
            }
        }
        return new OrgPage(records, rejected, next);
    }

    // ---- fields of one element (the vendor-neutral ones are JsonFields) ----

    /** The id of a nested object ({@code "division": {"id": ...}}); null when the object is missing or null. */
    static String nestedId(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException(field + " must be an object with an id, was "
                    + Reasons.shorten(value.toString()));
        }
        return text(value, "id");
    }

    static LocalDateTime localDateTime(JsonNode node, String field) {
        String value = required(node, field);
        try {
            return LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + value + "' is not a local date and time");
        }
    }

    /** A day as yyyy-MM-dd text. */
    static String day(JsonNode node, String field) {
        String value = required(node, field);
        try {
            return LocalDate.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + value + "' is not a date (yyyy-MM-dd)");
        }
    }

    static String zone(JsonNode node, String field) {
        String value = required(node, field);
        try {
            return ZoneId.of(value).getId();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(field + " '" + value + "' is not an IANA time zone");
        }
    }

    /** A whole number >= 0 (seconds, minutes). */
    static long count(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new IllegalArgumentException(field + " must be a whole number >= 0, was " + value);
        }
        return value.asLong();
    }

    /** Enum values by their names in lower case, the vendors' spelling (compared case-insensitively). */
    static <E extends Enum<E>> Map<String, E> lowerCaseNames(E[] values) {
        Map<String, E> names = new LinkedHashMap<>();
        for (E value : values) {
            names.put(value.name().toLowerCase(Locale.ROOT), value);
        }
        return Collections.unmodifiableMap(names);
    }

    /** An enum value by its vendor name (case-insensitive); {@code names} keys are in lower case. */
    static <E extends Enum<E>> E oneOf(JsonNode node, String field, Map<String, E> names) {
        String value = required(node, field);
        E mapped = names.get(value.toLowerCase(Locale.ROOT));
        if (mapped == null) {
            throw new IllegalArgumentException(field + " '" + value + "' is not one of "
                    + String.join(", ", names.keySet()));
        }
        return mapped;
    }

    /** The custom attributes as they are; none when missing or null (a JSON null value drops its key). */
    static Map<String, String> attributes(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException(field + " is not an object");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        value.fields().forEachRemaining(entry -> {
            JsonNode v = entry.getValue();
            if (!v.isNull()) {
                attributes.put(entry.getKey(), v.isValueNode() ? v.asText() : v.toString());
            }
        });
        return Collections.unmodifiableMap(attributes);
    }
}
