package io.billinghub.referencedata.cxone;

import io.billinghub.referencedata.CsvFields;
import io.billinghub.referencedata.CsvTable;
import io.billinghub.referencedata.EffectivePeriod;
import io.billinghub.referencedata.ValidationError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates the CXone published-connector set as a whole: a malformed value, an unknown feature or
 * direction, a team mapped in a currency without a rate, or overlapping ranges of one key reject the set with file,
 * line and reason.
 */
public final class CxoneUsageRateParser {

    public static final String RATES = "cxone-usage-rates.csv";
    public static final String TEAMS = "cxone-team-cost-centres.csv";
    public static final List<String> FILES = List.of(RATES, TEAMS);
    /** The features the published connector produces (see CxoneContactMapper). */
    public static final Set<String> FEATURES = Set.of("VOICE_CALL", "IVR_MINUTES");
    public static final Set<String> DIRECTIONS = Set.of("INBOUND", "OUTBOUND");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");

    public CxoneUsageRates parse(Map<String, byte[]> files, List<ValidationError> errors) {
        for (String name : FILES) {
            if (!files.containsKey(name)) {
                errors.add(new ValidationError(name, 0, "file is missing from the mapping set"));
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        List<CxoneUsageRate> rates = rates(files.get(RATES), errors);
        Set<String> currencies = new HashSet<>();
        rates.forEach(r -> currencies.add(r.currency()));
        List<CxoneTeamCostCentre> teams = teams(files.get(TEAMS), currencies, errors);
        return errors.isEmpty() ? new CxoneUsageRates(rates, teams) : null;
    }

    private static List<CxoneUsageRate> rates(byte[] content, List<ValidationError> errors) {
        List<CxoneUsageRate> result = new ArrayList<>();
        CsvTable table = CsvTable.read(RATES, content, List.of("feature_type", "direction", "currency",
                "rate_per_minute", "effective_from", "effective_to"), errors);
        if (table == null) {
            return result;
        }
        Map<String, List<CxoneUsageRate>> byKey = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            int before = errors.size();
            String feature = row.get("feature_type");
            if (!FEATURES.contains(feature)) {
                errors.add(row.error("feature_type '" + feature + "' is not one of " + FEATURES));
            }
            String direction = row.get("direction");
            if (!DIRECTIONS.contains(direction)) {
                errors.add(row.error("direction '" + direction + "' is neither INBOUND nor OUTBOUND"));
            }
            String currency = row.get("currency");
            if (!CURRENCY.matcher(currency).matches()) {
                errors.add(row.error("currency '" + currency + "' is not an ISO 4217 code"));
            }
            BigDecimal rate = CsvFields.decimal(row, "rate_per_minute", 6, 4, errors);
            EffectivePeriod period = CsvFields.period(row, "effective_from", "effective_to", errors);
            if (errors.size() == before) {
                String key = feature + " " + direction + " in " + currency;
                List<CxoneUsageRate> same = byKey.computeIfAbsent(key, k -> new ArrayList<>());
                CsvFields.checkOverlap(row, key, period, same, errors);
                CxoneUsageRate r = new CxoneUsageRate(row.line(), feature, direction, currency, rate, period);
                same.add(r);
                result.add(r);
            }
        }
        return result;
    }

    private static List<CxoneTeamCostCentre> teams(byte[] content, Set<String> currencies,
                                                   List<ValidationError> errors) {
        List<CxoneTeamCostCentre> result = new ArrayList<>();
        CsvTable table = CsvTable.read(TEAMS, content, List.of("team_id", "cost_center_id", "currency",
                "effective_from", "effective_to"), errors);
        if (table == null) {
            return result;
        }
        Map<String, List<CxoneTeamCostCentre>> byTeam = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            int before = errors.size();
            String team = row.get("team_id");
            if (!CODE.matcher(team).matches()) {
                errors.add(row.error("team_id '" + team + "' is not a team id"));
            }
            String costCentre = row.get("cost_center_id");
            if (!CODE.matcher(costCentre).matches()) {
                errors.add(row.error("cost_center_id '" + costCentre + "' is not a cost centre id"));
            }
            String currency = row.get("currency");
            if (!currencies.contains(currency)) {
                errors.add(row.error("currency '" + currency + "' has no rate in " + RATES));
            }
            EffectivePeriod period = CsvFields.period(row, "effective_from", "effective_to", errors);
            if (errors.size() == before) {
                List<CxoneTeamCostCentre> same = byTeam.computeIfAbsent(team, k -> new ArrayList<>());
                CsvFields.checkOverlap(row, "team " + team, period, same, errors);
                CxoneTeamCostCentre t = new CxoneTeamCostCentre(row.line(), team, costCentre, currency, period);
                same.add(t);
                result.add(t);
            }
        }
        return result;
    }
}
