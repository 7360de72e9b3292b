package io.billinghub.referencedata.ledger;

import io.billinghub.referencedata.CsvFields;
import io.billinghub.referencedata.CsvTable;
import io.billinghub.referencedata.EffectivePeriod;
import io.billinghub.referencedata.ValidationError;
import io.billinghub.referencedata.ledger.LedgerRows.CostCentreMapping;
import io.billinghub.referencedata.ledger.LedgerRows.FxRate;
import io.billinghub.referencedata.ledger.LedgerRows.GlAccount;
import io.billinghub.referencedata.ledger.LedgerRows.Holiday;
import io.billinghub.referencedata.ledger.LedgerRows.LicencePrice;
import io.billinghub.referencedata.ledger.LedgerRows.PhonePrefixRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates the ledger set as a whole: malformed values, overlapping effective ranges for the same key
 * and unknown references (a GL account missing from the chart of accounts, a price in a currency without an FX
 * rate) each reject the set with file, line and reason.
 */
public final class LedgerReferenceParser {

    public static final String GL_ACCOUNTS = "gl-accounts.csv";
    public static final String COST_CENTRES = "cxone-cost-centres.csv";
    public static final String PHONE_PREFIXES = "cxone-phone-prefixes.csv";
    public static final String FX_RATES = "fx-rates.csv";
    public static final String LICENCE_PRICES = "cxone-licence-prices.csv";
    public static final String CALENDAR = "business-calendar.csv";
    public static final List<String> FILES = List.of(GL_ACCOUNTS, COST_CENTRES, PHONE_PREFIXES, FX_RATES,
            LICENCE_PRICES, CALENDAR);

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");
    private static final Pattern PREFIX = Pattern.compile("[0-9]{1,15}");

    private final String baseCurrency;

    public LedgerReferenceParser(String baseCurrency) {
        this.baseCurrency = baseCurrency;
    }

    public LedgerReferenceData parse(Map<String, byte[]> files, List<ValidationError> errors) {
        for (String name : FILES) {
            if (!files.containsKey(name)) {
                errors.add(new ValidationError(name, 0, "file is missing from the mapping set"));
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        List<GlAccount> accounts = glAccounts(files.get(GL_ACCOUNTS), errors);
        Set<String> accountCodes = new HashSet<>();
        accounts.forEach(a -> accountCodes.add(a.glAccount()));
        List<CostCentreMapping> costCentres = costCentres(files.get(COST_CENTRES), accountCodes, errors);
        List<PhonePrefixRule> prefixes = phonePrefixes(files.get(PHONE_PREFIXES), errors);
        List<FxRate> fx = fxRates(files.get(FX_RATES), errors);
        Set<String> currencies = new HashSet<>();
        fx.forEach(r -> currencies.add(r.currency()));
        currencies.add(baseCurrency);
        List<LicencePrice> prices = licencePrices(files.get(LICENCE_PRICES), currencies, errors);
        List<Holiday> holidays = holidays(files.get(CALENDAR), errors);
        return errors.isEmpty() ? new LedgerReferenceData(accounts, costCentres, prefixes, fx, prices, holidays) : null;
    }

    private List<GlAccount> glAccounts(byte[] content, List<ValidationError> errors) {
        List<GlAccount> result = new ArrayList<>();
        CsvTable table = CsvTable.read(GL_ACCOUNTS, content, List.of("gl_account", "description"), errors);
        if (table == null) {
            return result;
        }
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            String code = row.get("gl_account");
            if (!CODE.matcher(code).matches()) {
                errors.add(row.error("gl_account '" + code + "' is not a valid account code"));
            } else if (!seen.add(code)) {
                errors.add(row.error("gl_account '" + code + "' appears twice"));
            } else {
                result.add(new GlAccount(code, row.get("description")));
            }
        }
        return result;
    }

    private List<CostCentreMapping> costCentres(byte[] content, Set<String> accounts, List<ValidationError> errors) {
        List<CostCentreMapping> result = new ArrayList<>();
        CsvTable table = CsvTable.read(COST_CENTRES, content, List.of("cxone_cost_center_id", "gl_account",
                "department", "effective_from", "effective_to"), errors);
        if (table == null) {
            return result;
        }
        Map<String, List<CostCentreMapping>> byId = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            int before = errors.size();
            String id = row.get("cxone_cost_center_id");
            if (id.isEmpty()) {
                errors.add(row.error("cxone_cost_center_id is empty"));
            }
            String account = row.get("gl_account");
            if (!accounts.contains(account)) {
                errors.add(row.error("gl_account '" + account + "' is not in " + GL_ACCOUNTS));
            }
            if (row.get("department").isEmpty()) {
                errors.add(row.error("department is empty"));
            }
            EffectivePeriod period = CsvFields.period(row, "effective_from", "effective_to", errors);
            if (errors.size() == before) {
                List<CostCentreMapping> same = byId.computeIfAbsent(id, k -> new ArrayList<>());
                CsvFields.checkOverlap(row, "cost centre '" + id + "'", period, same, errors);
                CostCentreMapping mapping = new CostCentreMapping(row.line(), id, account, row.get("department"),
                        period);
                same.add(mapping);
                result.add(mapping);
            }
        }
        return result;
    }

    private List<PhonePrefixRule> phonePrefixes(byte[] content, List<ValidationError> errors) {
        List<PhonePrefixRule> result = new ArrayList<>();
        CsvTable table = CsvTable.read(PHONE_PREFIXES, content, List.of("prefix", "region", "markup_multiplier",
                "effective_from", "effective_to"), errors);
        if (table == null) {
            return result;
        }
        Map<String, List<PhonePrefixRule>> byPrefix = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            int before = errors.size();
            String prefix = row.get("prefix").startsWith("+") ? row.get("prefix").substring(1) : row.get("prefix");
            if (!PREFIX.matcher(prefix).matches()) {
                errors.add(row.error("prefix '" + row.get("prefix") + "' must be E.164 digits, e.g. +1212"));
            }
            if (row.get("region").isEmpty()) {
                errors.add(row.error("region is empty"));
            }
            BigDecimal markup = CsvFields.decimal(row, "markup_multiplier", 6, 6, errors);
            if (markup != null && markup.signum() == 0) {
                errors.add(row.error("markup_multiplier must be above 0"));
            }
            EffectivePeriod period = CsvFields.period(row, "effective_from", "effective_to", errors);
            if (errors.size() == before) {
                List<PhonePrefixRule> same = byPrefix.computeIfAbsent(prefix, k -> new ArrayList<>());
                CsvFields.checkOverlap(row, "prefix +" + prefix, period, same, errors);
                PhonePrefixRule rule = new PhonePrefixRule(row.line(), prefix, row.get("region"), markup, period);
                same.add(rule);
                result.add(rule);
            }
        }
        return result;
    }

    private List<FxRate> fxRates(byte[] content, List<ValidationError> errors) {
        List<FxRate> result = new ArrayList<>();
        CsvTable table = CsvTable.read(FX_RATES, content, List.of("currency", "rate_to_base", "effective_from",
                "effective_to"), errors);
        if (table == null) {
            return result;
        }
        Map<String, List<FxRate>> byCurrency = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            int before = errors.size();
            String currency = currency(row, errors);
            BigDecimal rate = CsvFields.decimal(row, "rate_to_base", 10, 10, errors);
            if (rate != null && rate.signum() == 0) {
                errors.add(row.error("rate_to_base must be above 0"));
            }
            if (currency != null && rate != null && currency.equals(baseCurrency)
                    && rate.compareTo(BigDecimal.ONE) != 0) {
                errors.add(row.error("the base currency " + baseCurrency + " can only have rate_to_base 1"));
            }
            EffectivePeriod period = CsvFields.period(row, "effective_from", "effective_to", errors);
            if (errors.size() == before) {
                List<FxRate> same = byCurrency.computeIfAbsent(currency, k -> new ArrayList<>());
                CsvFields.checkOverlap(row, "currency " + currency, period, same, errors);
                FxRate fx = new FxRate(row.line(), currency, rate, period);
                same.add(fx);
                result.add(fx);
            }
        }
        return result;
    }

    private List<LicencePrice> licencePrices(byte[] content, Set<String> currencies, List<ValidationError> errors) {
        List<LicencePrice> result = new ArrayList<>();
        CsvTable table = CsvTable.read(LICENCE_PRICES, content, List.of("feature_type", "currency", "monthly_cost",
                "effective_from", "effective_to"), errors);
        if (table == null) {
            return result;
        }
        Map<String, List<LicencePrice>> byKey = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            int before = errors.size();
            String feature = row.get("feature_type");
            if (feature.isEmpty()) {
                errors.add(row.error("feature_type is empty"));
            }
            String currency = currency(row, errors);
            if (currency != null && !currencies.contains(currency)) {
                errors.add(row.error("currency " + currency + " has no rate in " + FX_RATES));
            }
            BigDecimal cost = CsvFields.decimal(row, "monthly_cost", 14, 4, errors);
            EffectivePeriod period = CsvFields.period(row, "effective_from", "effective_to", errors);
            if (errors.size() == before) {
                List<LicencePrice> same = byKey.computeIfAbsent(feature + "|" + currency, k -> new ArrayList<>());
                CsvFields.checkOverlap(row, feature + " in " + currency, period, same, errors);
                LicencePrice price = new LicencePrice(row.line(), feature, currency, cost, period);
                same.add(price);
                result.add(price);
            }
        }
        return result;
    }

    private List<Holiday> holidays(byte[] content, List<ValidationError> errors) {
        List<Holiday> result = new ArrayList<>();
        CsvTable table = CsvTable.read(CALENDAR, content, List.of("date", "description"), errors);
        if (table == null) {
            return result;
        }
        Set<LocalDate> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            LocalDate day = CsvFields.date(row, "date", true, errors);
            if (day != null && !seen.add(day)) {
                errors.add(row.error("date " + day + " appears twice"));
            } else if (day != null) {
                result.add(new Holiday(day, row.get("description")));
            }
        }
        return result;
    }

    private static String currency(CsvTable.Row row, List<ValidationError> errors) {
        String code = row.get("currency");
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            errors.add(row.error("currency '" + code + "' is not an ISO 4217 code"));
            return null;
        }
    }

}
