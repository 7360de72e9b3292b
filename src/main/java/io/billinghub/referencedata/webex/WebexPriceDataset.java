package io.billinghub.referencedata.webex;

import io.billinghub.referencedata.EffectivePeriod;
import io.billinghub.referencedata.ReferenceDataset;
import io.billinghub.referencedata.ValidationError;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The Webex set: the wholesale SKU price list, versioned in SQL like every reference set. */
@Component
public class WebexPriceDataset implements ReferenceDataset<WebexPriceList> {

    public static final String NAME = "webex-prices";

    private final WebexPriceParser parser;
    private final JdbcTemplate jdbc;
    private final ActiveWebexPrices active;

    public WebexPriceDataset(@Value("${hub.currency}") String currency, JdbcTemplate jdbc, ActiveWebexPrices active) {
        this.parser = new WebexPriceParser(currency);
        this.jdbc = jdbc;
        this.active = active;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> files() {
        return WebexPriceParser.FILES;
    }

    @Override
    public WebexPriceList parse(Map<String, byte[]> files, List<ValidationError> errors) {
        return parser.parse(files, errors);
    }

    @Override
    public void store(long versionId, WebexPriceList data) {
        jdbc.batchUpdate("""
                insert into ref_webex_sku_price (version_id, line_no, sku, description, price_unit, unit_price,
                    currency, gl_account, effective_from, effective_to) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                data.prices(), 500, (ps, p) -> {
                    ps.setLong(1, versionId);
                    ps.setInt(2, p.lineNo());
                    ps.setString(3, p.sku());
                    ps.setString(4, p.description());
                    ps.setString(5, p.priceUnit().name());
                    ps.setBigDecimal(6, p.unitPrice());
                    ps.setString(7, p.currency());
                    ps.setString(8, p.glAccount());
                    ps.setObject(9, p.period().from());
                    ps.setObject(10, p.period().to());
                });
    }

    @Override
    public WebexPriceList load(long versionId) {
        return new WebexPriceList(jdbc.query("""
                select line_no, sku, description, price_unit, unit_price, currency, gl_account, effective_from,
                    effective_to
                from ref_webex_sku_price where version_id = ? order by line_no""",
                (rs, i) -> new SkuPrice(rs.getInt(1), rs.getString(2), rs.getString(3),
                        SkuPrice.PriceUnit.valueOf(rs.getString(4)), rs.getBigDecimal(5), rs.getString(6),
                        rs.getString(7), new EffectivePeriod(rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class))), versionId));
    }

    @Override
    public void activate(long versionId, WebexPriceList data) {
        active.activate(versionId, data);
    }

    @Override
    public Map<String, Integer> rowCounts(WebexPriceList data) {
        return Map.of("skuPrices", data.prices().size());
    }
}
