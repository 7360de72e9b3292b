package io.billinghub.referencedata.webex;

import io.billinghub.referencedata.CsvFields;
import io.billinghub.referencedata.CsvTable;
import io.billinghub.referencedata.EffectivePeriod;
import io.billinghub.referencedata.ValidationError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses and validates the Webex SKU price list as a whole: a malformed value, a price in another currency than the
 * hub's, a version starting or ending within a month (QUANTITY is a sum over the month, so a price change inside it
 * could not be applied exactly) or overlapping ranges of one SKU reject the set with file, line and reason.
 */
public final class WebexPriceParser {

    public static final String PRICES = "webex-sku-prices.csv";
    public static final List<String> FILES = List.of(PRICES);
    private static final List<String> COLUMNS = List.of("sku", "description", "price_unit", "unit_price", "currency",
            "gl_account", "effective_from", "effective_to");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");

    private final String currency;

    public WebexPriceParser(String currency) {
        this.currency = currency;
    }

    public WebexPriceList parse(Map<String, byte[]> files, List<ValidationError> errors) {
        if (!files.containsKey(PRICES)) {
            errors.add(new ValidationError(PRICES, 0, "file is missing from the mapping set"));
            return null;
        }
        CsvTable table = CsvTable.read(PRICES, files.get(PRICES), COLUMNS, errors);
        if (table == null) {
            return null;
        }
        List<SkuPrice> prices = new ArrayList<>();
        Map<String, List<SkuPrice>> bySku = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            int before = errors.size();
            String sku = row.get("sku");
            if (!CODE.matcher(sku).matches()) {
                errors.add(row.error("sku '" + sku + "' is not a SKU code"));
            }
            SkuPrice.PriceUnit unit = unit(row, errors);
            BigDecimal price = CsvFields.decimal(row, "unit_price", 14, 4, errors);
            if (!currency.equals(row.get("currency"))) {
                errors.add(row.error("currency '" + row.get("currency") + "' is not the hub's currency " + currency));
            }
            String gl = row.get("gl_account");
            if (!CODE.matcher(gl).matches()) {
                errors.add(row.error("gl_account '" + gl + "' is not an account code"));
            }
            EffectivePeriod period = CsvFields.period(row, "effective_from", "effective_to", errors);
            if (period != null && period.from().getDayOfMonth() != 1) {
                errors.add(row.error("effective_from " + period.from() + " is not the first day of a month"));
            }
            if (period != null && period.to() != null && period.to().getDayOfMonth() != 1
                    && !period.to().equals(period.to().withDayOfMonth(period.to().lengthOfMonth()))) {
                errors.add(row.error("effective_to " + period.to() + " is neither the last day of a month nor the"
                        + " first day of the next"));
            }
            if (errors.size() == before) {
                List<SkuPrice> same = bySku.computeIfAbsent(sku, k -> new ArrayList<>());
                CsvFields.checkOverlap(row, sku, period, same, errors);
                SkuPrice p = new SkuPrice(row.line(), sku, row.get("description"), unit, price, currency, gl, period);
                same.add(p);
                prices.add(p);
            }
        }
        return errors.isEmpty() ? new WebexPriceList(prices) : null;
    }

    private static SkuPrice.PriceUnit unit(CsvTable.Row row, List<ValidationError> errors) {
        String text = row.get("price_unit");
        try {
            return SkuPrice.PriceUnit.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(row.error("price_unit '" + text + "' is neither MONTH nor UNIT"));
            return null;
        }
    }
}
