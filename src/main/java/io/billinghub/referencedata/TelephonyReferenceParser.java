package io.billinghub.referencedata;

import io.billinghub.rating.BillingIncrement;
import io.billinghub.rating.CarrierProfile;
import io.billinghub.rating.RateCardEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses and validates carriers.csv, rate-cards.csv, gl-mappings.csv and genesys-edge-carriers.csv together. Every
 * problem is collected (file, line, reason) so one rejection lists all of them; the set is only usable when there
 * are none. The edge file is optional (only the published Genesys connector needs it); when present, its carriers
 * must be those of carriers.csv and one edge's rows must not overlap.
 */
public final class TelephonyReferenceParser {

    public static final String CARRIERS = "carriers.csv";
    public static final String RATE_CARDS = "rate-cards.csv";
    public static final String GL_MAPPINGS = "gl-mappings.csv";
    public static final String EDGE_CARRIERS = "genesys-edge-carriers.csv";
    public static final List<String> FILES = List.of(CARRIERS, RATE_CARDS, GL_MAPPINGS, EDGE_CARRIERS);
    private static final List<String> REQUIRED = List.of(CARRIERS, RATE_CARDS, GL_MAPPINGS);

    private static final Pattern CARRIER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern PREFIX = Pattern.compile("[0-9]{1,15}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");
    /** Genesys edge ids are UUIDs; any id of letters, digits, dots, dashes and underscores is accepted. */
    private static final Pattern EDGE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_COST_SCALE = 8;

    private final String baseCurrency;

    public TelephonyReferenceParser(String baseCurrency) {
        this.baseCurrency = baseCurrency;
    }

    /** Parses the files; returns the data when {@code errors} stays empty. */
    public TelephonyReferenceData parse(Map<String, byte[]> files, List<ValidationError> errors) {
        for (String name : REQUIRED) {
            if (!files.containsKey(name)) {
                errors.add(new ValidationError(name, 0, "file is missing from the mapping set"));
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        CsvTable carrierTable = CsvTable.read(CARRIERS, files.get(CARRIERS), List.of("carrier_id", "carrier_name",
                "invoice_time_zone", "currency", "cost_scale", "rounding_mode"), errors);
        CsvTable rateTable = CsvTable.read(RATE_CARDS, files.get(RATE_CARDS), List.of("carrier_name", "prefix",
                "destination_region", "rate_per_minute", "billing_increment", "effective_date", "expiry_date"), errors);
        CsvTable glTable = CsvTable.read(GL_MAPPINGS, files.get(GL_MAPPINGS), List.of("carrier_name",
                "destination_region", "gl_account", "cost_centre", "effective_date", "expiry_date"), errors);
        // a file that cannot be read is one error: what refers to it is not checked against it (null: unknown)
        List<CarrierProfile> carriers = carriers(carrierTable, errors);
        Set<String> carrierNames = carrierTable == null ? null
                : carriers.stream().map(CarrierProfile::carrierName).collect(Collectors.toSet());
        List<RateCardEntry> rates = rateCards(rateTable, carrierNames, errors);
        Set<String> regions = rateTable == null ? null
                : rates.stream().map(RateCardEntry::destinationRegion).collect(Collectors.toSet());
        List<GlMappingEntry> gl = glMappings(glTable, carrierNames, regions, errors);
        List<EdgeCarrierEntry> edges = files.containsKey(EDGE_CARRIERS)
                ? edgeCarriers(CsvTable.read(EDGE_CARRIERS, files.get(EDGE_CARRIERS), List.of("edge_id",
                        "carrier_name", "effective_from", "effective_to"), errors), carrierNames, errors)
                : List.of();
        if (errors.isEmpty()) {
            checkGlCoverage(rates, gl, errors);
        }
        return errors.isEmpty() ? new TelephonyReferenceData(carriers, rates, gl, edges) : null;
    }

    private List<CarrierProfile> carriers(CsvTable table, List<ValidationError> errors) {
        List<CarrierProfile> result = new ArrayList<>();
        if (table == null) {
            return result;
        }
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            int before = errors.size();
            String id = row.get("carrier_id");
            String name = row.get("carrier_name");
            if (!CARRIER_ID.matcher(id).matches()) {
                errors.add(row.error("carrier_id '" + id + "' must be lower-case letters, digits and dashes"));
            } else if (!ids.add(id)) {
                errors.add(row.error("carrier_id '" + id + "' appears twice"));
            }
            if (name.isEmpty()) {
                errors.add(row.error("carrier_name is empty"));
            } else if (!names.add(name)) {
                errors.add(row.error("carrier_name '" + name + "' appears twice"));
            }
            ZoneId zone = zone(row, errors);
            String currency = row.get("currency");
            if (!baseCurrency.equals(currency)) {
                errors.add(row.error("currency '" + currency + "' is not the hub's base currency " + baseCurrency));
            }
            Integer scale = integer(row, "cost_scale", 0, MAX_COST_SCALE, errors);
            RoundingMode mode = roundingMode(row, errors);
            if (errors.size() == before) {
                result.add(new CarrierProfile(id, name, zone, currency, scale, mode));
            }
        }
        return result;
    }

    private List<RateCardEntry> rateCards(CsvTable table, Set<String> carriers, List<ValidationError> errors) {
        List<RateCardEntry> result = new ArrayList<>();
        if (table == null) {
            return result;
        }
        Map<String, List<RateCardEntry>> byCarrierPrefix = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            int before = errors.size();
            String carrier = row.get("carrier_name");
            if (carriers != null && !carriers.contains(carrier)) {
                errors.add(row.error("carrier_name '" + carrier + "' is not in " + CARRIERS));
            }
            // E.164 digits; a leading '+' as carriers often write it is the same prefix
            String prefix = row.get("prefix").startsWith("+") ? row.get("prefix").substring(1) : row.get("prefix");
            if (!PREFIX.matcher(prefix).matches()) {
                errors.add(row.error("prefix '" + prefix + "' must be 1 to 15 digits (E.164, no '+')"));
            }
            String region = row.get("destination_region");
            if (region.isEmpty() || region.equals(GlMappingEntry.ANY)) {
                errors.add(row.error("destination_region must be a region name"));
            }
            BigDecimal rate = CsvFields.decimal(row, "rate_per_minute", 10, 8, errors);
            BillingIncrement increment = null;
            try {
                increment = BillingIncrement.parse(row.get("billing_increment"));
            } catch (IllegalArgumentException e) {
                errors.add(row.error(e.getMessage()));
            }
            EffectivePeriod period = CsvFields.period(row, "effective_date", "expiry_date", errors);
            if (errors.size() == before) {
                RateCardEntry entry = new RateCardEntry(row.line(), carrier, prefix, region, rate, increment,
                        period.from(), period.to());
                List<RateCardEntry> same = byCarrierPrefix.computeIfAbsent(carrier + "|" + prefix,
                        k -> new ArrayList<>());
                CsvFields.checkOverlap(row, "carrier '" + carrier + "' prefix " + prefix, period, same, errors);
                same.add(entry);
                result.add(entry);
            }
        }
        return result;
    }

    private List<GlMappingEntry> glMappings(CsvTable table, Set<String> carriers, Set<String> regions,
                                            List<ValidationError> errors) {
        List<GlMappingEntry> result = new ArrayList<>();
        if (table == null) {
            return result;
        }
        Map<String, List<GlMappingEntry>> byKey = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            int before = errors.size();
            String carrier = row.get("carrier_name");
            if (!carrier.equals(GlMappingEntry.ANY) && carriers != null && !carriers.contains(carrier)) {
                errors.add(row.error("carrier_name '" + carrier + "' is not in " + CARRIERS));
            }
            String region = row.get("destination_region");
            if (!region.equals(GlMappingEntry.ANY) && regions != null && !regions.contains(region)) {
                errors.add(row.error("destination_region '" + region + "' is not a region of " + RATE_CARDS));
            }
            String account = row.get("gl_account");
            String costCentre = row.get("cost_centre");
            if (!CODE.matcher(account).matches()) {
                errors.add(row.error("gl_account '" + account + "' is not a valid account code"));
            }
            if (!CODE.matcher(costCentre).matches()) {
                errors.add(row.error("cost_centre '" + costCentre + "' is not a valid cost centre code"));
            }
            EffectivePeriod period = CsvFields.period(row, "effective_date", "expiry_date", errors);
            if (errors.size() == before) {
                GlMappingEntry entry = new GlMappingEntry(row.line(), carrier, region, account, costCentre,
                        period.from(), period.to());
                List<GlMappingEntry> same = byKey.computeIfAbsent(carrier + "|" + region, k -> new ArrayList<>());
                CsvFields.checkOverlap(row, "carrier '" + carrier + "' region '" + region + "'", period, same,
                        errors);
                same.add(entry);
                result.add(entry);
            }
        }
        return result;
    }

    private static List<EdgeCarrierEntry> edgeCarriers(CsvTable table, Set<String> carriers,
                                                       List<ValidationError> errors) {
        List<EdgeCarrierEntry> result = new ArrayList<>();
        if (table == null) {
            return result;
        }
        Map<String, List<EdgeCarrierEntry>> byEdge = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            int before = errors.size();
            String edge = row.get("edge_id");
            if (!EDGE_ID.matcher(edge).matches()) {
                errors.add(row.error("edge_id '" + edge + "' must be letters, digits, dots, dashes or underscores"));
            }
            String carrier = row.get("carrier_name");
            if (carriers != null && !carriers.contains(carrier)) {
                errors.add(row.error("carrier_name '" + carrier + "' is not in " + CARRIERS));
            }
            EffectivePeriod period = CsvFields.period(row, "effective_from", "effective_to", errors);
            if (errors.size() == before) {
                EdgeCarrierEntry entry = new EdgeCarrierEntry(row.line(), edge, carrier, period.from(), period.to());
                List<EdgeCarrierEntry> same = byEdge.computeIfAbsent(edge, k -> new ArrayList<>());
                CsvFields.checkOverlap(row, "edge " + edge, period, same, errors);
                same.add(entry);
                result.add(entry);
            }
        }
        return result;
    }

    /** Every rate row must post somewhere: a GL mapping must be in force on the row's first day. */
    private static void checkGlCoverage(List<RateCardEntry> rates, List<GlMappingEntry> gl,
                                        List<ValidationError> errors) {
        GlMappingIndex index = new GlMappingIndex(gl);
        for (RateCardEntry rate : rates) {
            if (index.resolve(rate.carrierName(), rate.destinationRegion(), rate.effectiveDate()).isEmpty()) {
                errors.add(new ValidationError(RATE_CARDS, rate.lineNo(), "no GL mapping in " + GL_MAPPINGS
                        + " covers carrier '" + rate.carrierName() + "' region '" + rate.destinationRegion()
                        + "' on " + rate.effectiveDate()));
            }
        }
    }

    private static ZoneId zone(CsvTable.Row row, List<ValidationError> errors) {
        String text = row.get("invoice_time_zone");
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            errors.add(row.error("invoice_time_zone '" + text + "' is not a time zone id (e.g. America/New_York)"));
            return null;
        }
    }

    private static RoundingMode roundingMode(CsvTable.Row row, List<ValidationError> errors) {
        String text = row.get("rounding_mode");
        try {
            RoundingMode mode = RoundingMode.valueOf(text);
            if (mode == RoundingMode.UNNECESSARY) {
                errors.add(row.error("rounding_mode UNNECESSARY cannot round a cost"));
            }
            return mode;
        } catch (IllegalArgumentException e) {
            errors.add(row.error("rounding_mode '" + text + "' is not one of HALF_UP, HALF_EVEN, UP, DOWN, CEILING,"
                    + " FLOOR, HALF_DOWN"));
            return null;
        }
    }

    private static Integer integer(CsvTable.Row row, String column, int min, int max, List<ValidationError> errors) {
        String text = row.get(column);
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                errors.add(row.error(column + " " + value + " is outside " + min + ".." + max));
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(row.error(column + " '" + text + "' is not a whole number"));
            return null;
        }
    }
}
