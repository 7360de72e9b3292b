package io.billinghub.referencedata.chargeback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.allocation.ChargebackPolicy;
import io.billinghub.platform.Checksums;
import io.billinghub.platform.Decimals;
import io.billinghub.referencedata.CsvFields;
import io.billinghub.referencedata.CsvTable;
import io.billinghub.referencedata.EffectivePeriod;
import io.billinghub.referencedata.ValidationError;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.GenesysResourceAttribute;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.HrisCostCentre;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.MultiplierVersion;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.Multipliers;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.ResourceType;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.TelephonyModel;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Parses and validates the chargeback set as a whole. HRIS rows: division, code and business unit present, no
 * overlapping validity for one division and code. Multiplier versions: unique names, effective on the first of a
 * month, deprecated after they start and no two in force on one day, an approver, non-negative rates, a known
 * allocation model, and a checksum that matches the multipliers (so an edit without a new approval is refused).
 * Genesys resource attributes (optional: only the published Genesys connector needs them): a known resource type,
 * an id, an attribute the chargeback reads from that type (queues: BU::OWNER and the configured cost-centre
 * attributes; trunks: BU::ALLOCATION_MODEL, one of the telephony models), a value, and no overlapping validity for
 * one resource and attribute.
 */
public final class ChargebackReferenceParser {

    public static final String COST_CENTRES = "hris-cost-centres.csv";
    public static final String MULTIPLIERS = "cost-multipliers.json";
    public static final String GENESYS_ATTRIBUTES = "genesys-resource-attributes.csv";
    public static final List<String> FILES = List.of(COST_CENTRES, MULTIPLIERS, GENESYS_ATTRIBUTES);
    private static final List<String> REQUIRED = List.of(COST_CENTRES, MULTIPLIERS);

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The attributes the chargeback reads from each type of Genesys resource. */
    private final Map<ResourceType, List<String>> readAttributes;

    /** @param costCentreAttributes the attributes that carry a cost centre (hub.chargeback.cost-centre-attributes) */
    public ChargebackReferenceParser(List<String> costCentreAttributes) {
        this.readAttributes = Map.of(
                ResourceType.QUEUE, Stream.concat(Stream.of(ChargebackPolicy.OWNER_ATTRIBUTE),
                        costCentreAttributes.stream()).toList(),
                ResourceType.TRUNK, List.of(ChargebackPolicy.MODEL_ATTRIBUTE));
    }

    public ChargebackReferenceData parse(Map<String, byte[]> files, List<ValidationError> errors) {
        for (String name : REQUIRED) {
            if (!files.containsKey(name)) {
                errors.add(new ValidationError(name, 0, "file is missing from the mapping set"));
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        List<HrisCostCentre> costCentres = costCentres(files.get(COST_CENTRES), errors);
        List<MultiplierVersion> versions = versions(files.get(MULTIPLIERS), errors);
        List<GenesysResourceAttribute> attributes = files.containsKey(GENESYS_ATTRIBUTES)
                ? genesysAttributes(files.get(GENESYS_ATTRIBUTES), errors) : List.of();
        return errors.isEmpty() ? new ChargebackReferenceData(costCentres, versions, attributes) : null;
    }

    /**
     * The checksum an approver signs: SHA-256 of the multipliers object written canonically (keys sorted, every
     * value as its text), so reformatting the file does not change it and any change of a value does.
     */
    public static String checksum(JsonNode multipliers) {
        try {
            return "sha256:" + Checksums.sha256(JSON.writeValueAsString(canonical(multipliers)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> sorted = new TreeMap<>();
            node.fields().forEachRemaining(e -> sorted.put(e.getKey(), canonical(e.getValue())));
            return sorted;
        }
        return node.isNull() ? null : node.asText();
    }

    private List<HrisCostCentre> costCentres(byte[] content, List<ValidationError> errors) {
        CsvTable table = CsvTable.read(COST_CENTRES, content,
                List.of("division", "cost_centre", "business_unit", "cost_centre_name", "valid_from", "valid_to"),
                errors);
        List<HrisCostCentre> rows = new ArrayList<>();
        if (table == null) {
            return rows;
        }
        Map<String, List<HrisCostCentre>> byKey = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String division = token(row, "division", errors);
            String code = token(row, "cost_centre", errors);
            String unit = token(row, "business_unit", errors);
            EffectivePeriod period = CsvFields.period(row, "valid_from", "valid_to", errors);
            if (division == null || code == null || unit == null || period == null) {
                continue;
            }
            HrisCostCentre centre = new HrisCostCentre(row.line(), division, code, unit, row.get("cost_centre_name"),
                    period);
            List<HrisCostCentre> sameKey = byKey.computeIfAbsent(division + "/" + code, k -> new ArrayList<>());
            CsvFields.checkOverlap(row, division + "/" + code, period, sameKey, errors);
            sameKey.add(centre);
            rows.add(centre);
        }
        return rows;
    }

    private List<GenesysResourceAttribute> genesysAttributes(byte[] content, List<ValidationError> errors) {
        CsvTable table = CsvTable.read(GENESYS_ATTRIBUTES, content, List.of("resource_type", "resource_id",
                "resource_name", "attribute", "value", "effective_from", "effective_to"), errors);
        List<GenesysResourceAttribute> rows = new ArrayList<>();
        if (table == null) {
            return rows;
        }
        Map<String, List<GenesysResourceAttribute>> byKey = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            int before = errors.size();
            ResourceType type = resourceType(row, errors);
            String id = token(row, "resource_id", errors);
            String attribute = row.get("attribute");
            String value = row.get("value");
            if (type != null && !readAttributes.get(type).contains(attribute)) {
                errors.add(row.error("attribute '" + attribute + "' is not read from a " + type + ": use one of "
                        + String.join(", ", readAttributes.get(type))));
            } else if (value.isEmpty()) {
                errors.add(row.error("value is empty"));
            } else if (attribute.equals(ChargebackPolicy.MODEL_ATTRIBUTE)) {
                allocationModel(row, value, errors);
            }
            EffectivePeriod period = CsvFields.period(row, "effective_from", "effective_to", errors);
            if (errors.size() == before) {
                GenesysResourceAttribute entry = new GenesysResourceAttribute(row.line(), type, id,
                        row.get("resource_name"), attribute, value, period);
                String key = type + " " + id + " " + attribute;
                List<GenesysResourceAttribute> sameKey = byKey.computeIfAbsent(key, k -> new ArrayList<>());
                CsvFields.checkOverlap(row, key, period, sameKey, errors);
                sameKey.add(entry);
                rows.add(entry);
            }
        }
        return rows;
    }

    private static ResourceType resourceType(CsvTable.Row row, List<ValidationError> errors) {
        String value = row.get("resource_type");
        try {
            return ResourceType.valueOf(value);
        } catch (IllegalArgumentException e) {
            errors.add(row.error("resource_type '" + value + "' is not QUEUE or TRUNK"));
            return null;
        }
    }

    private static void allocationModel(CsvTable.Row row, String value, List<ValidationError> errors) {
        try {
            TelephonyModel.valueOf(value);
        } catch (IllegalArgumentException e) {
            errors.add(row.error("allocation model '" + value + "' is not VOLUME, CONCURRENCY_WEIGHTED or HYBRID"));
        }
    }

    private static String token(CsvTable.Row row, String column, List<ValidationError> errors) {
        String value = row.get(column);
        if (!TOKEN.matcher(value).matches()) {
            errors.add(row.error(column + " '" + value + "' is empty or not a code"));
            return null;
        }
        return value;
    }

    private List<MultiplierVersion> versions(byte[] content, List<ValidationError> errors) {
        List<MultiplierVersion> versions = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (IOException | NumberFormatException e) {
            // Jackson says unchecked that it cannot hold a number such as 1e40055550101 (its exponent past int)
            errors.add(new ValidationError(MULTIPLIERS, 0, "not valid JSON: " + e.getMessage()));
            return versions;
        }
        JsonNode list = root == null ? null : root.get("versions");
        if (list == null || !list.isArray() || list.isEmpty()) {
            errors.add(new ValidationError(MULTIPLIERS, 0, "a non-empty \"versions\" array is required"));
            return versions;
        }
        Set<String> names = new HashSet<>();
        int index = 0;
        for (JsonNode node : list) {
            index++;
            Entry entry = new Entry(index, errors);
            String name = entry.text(node, "version");
            if (name != null && !names.add(name)) {
                entry.error("version " + name + " appears twice");
            }
            LocalDate effective = entry.date(node, "effectiveDate", true);
            LocalDate deprecation = entry.date(node, "deprecationDate", false);
            if (effective != null && effective.getDayOfMonth() != 1) {
                entry.error("effectiveDate " + effective + " is not the first of a month: a version applies to whole"
                        + " periods");
            }
            if (effective != null && deprecation != null && !deprecation.isAfter(effective)) {
                entry.error("deprecationDate " + deprecation + " is not after effectiveDate " + effective);
            }
            String approver = entry.text(node, "approverId");
            String checksum = entry.text(node, "checksum");
            JsonNode multipliers = node.get("multipliers");
            Multipliers rates = multipliers == null || !multipliers.isObject() ? null : entry.multipliers(multipliers);
            if (multipliers == null || !multipliers.isObject()) {
                entry.error("\"multipliers\" object is required");
            } else if (checksum != null && !checksum.equals(checksum(multipliers))) {
                entry.error("checksum " + checksum + " does not match the multipliers, which hash to "
                        + checksum(multipliers) + ": a changed version needs a new approval and checksum");
            }
            if (name != null && effective != null && approver != null && checksum != null && rates != null) {
                versions.add(new MultiplierVersion(name, effective, deprecation, approver, checksum, rates));
            }
        }
        versions.sort(Comparator.comparing(MultiplierVersion::effectiveDate));
        for (int i = 1; i < versions.size(); i++) {
            MultiplierVersion before = versions.get(i - 1);
            MultiplierVersion after = versions.get(i);
            if (before.deprecationDate() == null || before.deprecationDate().isAfter(after.effectiveDate())) {
                errors.add(new ValidationError(MULTIPLIERS, 0, "versions " + before.version() + " and "
                        + after.version() + " are both in force on " + after.effectiveDate()));
            }
        }
        return versions;
    }

    /** Reads one version entry, adding errors that name it by position. */
    private record Entry(int index, List<ValidationError> errors) {

        void error(String reason) {
            errors.add(new ValidationError(MULTIPLIERS, 0, "versions[" + index + "]: " + reason));
        }

        String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                error(field + " is required");
                return null;
            }
            return value.asText();
        }

        LocalDate date(JsonNode node, String field, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    error(field + " is required (yyyy-MM-dd)");
                }
                return null;
            }
            try {
                return LocalDate.parse(value.asText());
            } catch (DateTimeParseException e) {
                error(field + " '" + value.asText() + "' is not a date (yyyy-MM-dd)");
                return null;
            }
        }

        Multipliers multipliers(JsonNode node) {
            Map<String, BigDecimal> licence = new TreeMap<>();
            JsonNode prices = node.get("license_per_seat_monthly");
            if (prices == null || !prices.isObject() || prices.isEmpty()) {
                error("license_per_seat_monthly needs a price per licence type");
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = prices.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    licence.put(e.getKey(), rate(e.getValue(), "license_per_seat_monthly." + e.getKey()));
                }
            }
            BigDecimal telephony = rate(node.get("telephony_per_minute"), "telephony_per_minute");
            BigDecimal wfm = rate(node.get("wfm_per_scheduled_minute"), "wfm_per_scheduled_minute");
            BigDecimal analytics = rate(node.get("analytics_per_processed_minute"), "analytics_per_processed_minute");
            TelephonyModel model = null;
            JsonNode shared = node.get("shared_resource_allocation");
            try {
                model = TelephonyModel.valueOf(shared == null ? "" : shared.asText());
            } catch (IllegalArgumentException e) {
                error("shared_resource_allocation must be one of VOLUME, CONCURRENCY_WEIGHTED, HYBRID");
            }
            boolean complete = licence.values().stream().allMatch(v -> v != null) && telephony != null
                    && wfm != null && analytics != null && model != null;
            return complete ? new Multipliers(licence, telephony, wfm, analytics, model) : null;
        }

        private BigDecimal rate(JsonNode value, String field) {
            if (value == null || value.isNull() || !(value.isTextual() || value.isNumber())) {
                error(field + " is required");
                return null;
            }
            try {
                // kept in the version's JSON: bounded only so that no megabyte of digits is ever parsed
                BigDecimal rate = Decimals.parse(field, value.asText(), 12, 10);
                if (rate.signum() < 0) {
                    error(field + " " + rate + " is negative");
                    return null;
                }
                return rate;
            } catch (IllegalArgumentException e) {
                error(e.getMessage());
                return null;
            }
        }
    }
}
