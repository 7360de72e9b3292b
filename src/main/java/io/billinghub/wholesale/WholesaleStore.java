package io.billinghub.wholesale;

import io.billinghub.extraction.webex.ReportType;
import io.billinghub.platform.SqlTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The period's side of Webex wholesale in SQL: usage aggregated from the reports in use, the statements and their
 * per-user detail, the reconciliation, and the partner invoices.
 */
@Repository
public class WholesaleStore {

    /** A difference between a report level and the aggregation of the level below. */
    public record Inconsistency(String partnerId, String scopeOrgId, String level, String key, BigDecimal quantity,
                                BigDecimal finerQuantity) {
    }

    private static final String IN_USE = """
            select distinct on (partner_id, scope_org_id, report_type) partner_id, scope_org_id, report_type, report_id
            from webex_extraction where period = :period
            order by partner_id, scope_org_id, report_type, extraction_id desc""";

    private final NamedParameterJdbcTemplate jdbc;

    public WholesaleStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each customer's exact quantity per SKU, from the level that is priced, of every partner scope. */
    public List<CustomerUsage> customerUsage(YearMonth period, ReportType priced) {
        return jdbc.query("with in_use as (" + IN_USE + """
                )
                select e.partner_id, e.scope_org_id, r.customer_org_id, max(r.customer_external_id), r.sku,
                    max(r.description), max(r.service_name), sum(r.quantity), count(*)
                from in_use e join webex_report_row r on r.report_id = e.report_id
                where e.report_type = :type
                group by e.partner_id, e.scope_org_id, r.customer_org_id, r.sku
                order by e.partner_id, r.customer_org_id, r.sku""",
                new MapSqlParameterSource("period", period.toString()).addValue("type", priced.name()),
                (rs, i) -> new CustomerUsage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getInt(9)));
    }

    /** The key of a statement line in {@link #consumers}. */
    public static String lineKey(String partnerId, String customerOrgId, String sku) {
        return partnerId + "|" + customerOrgId + "|" + sku;
    }

    /**
     * Per user, workspace or subscriber of each customer and SKU (USER level only), in a stable order, keyed by
     * {@link #lineKey}: one query for the period.
     */
    public Map<String, List<ConsumerUsage>> consumers(YearMonth period) {
        Map<String, List<ConsumerUsage>> byLine = new HashMap<>();
        jdbc.query("with in_use as (" + IN_USE + """
                )
                select e.partner_id, r.customer_org_id, r.sku,
                    coalesce(nullif(r.user_id, ''), nullif(r.workspace_id, ''), r.subscriber_id) as consumer,
                    max(r.subscriber_id), max(r.user_id), max(r.workspace_id), r.location_id, r.license_id,
                    min(r.consumption_start), max(r.consumption_end), sum(r.quantity)
                from in_use e join webex_report_row r on r.report_id = e.report_id
                where e.report_type = 'USER'
                group by e.partner_id, r.customer_org_id, r.sku, consumer, r.location_id, r.license_id
                order by e.partner_id, r.customer_org_id, r.sku, consumer, r.location_id, r.license_id""",
                new MapSqlParameterSource("period", period.toString()),
                rs -> {
                    byLine.computeIfAbsent(lineKey(rs.getString(1), rs.getString(2), rs.getString(3)),
                            k -> new ArrayList<>()).add(new ConsumerUsage(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class),
                            rs.getBigDecimal(12)));
                });
        return byLine;
    }

    /**
     * Where a coarser report disagrees with the sum of the finer one (Webex aggregates user rows into customer and
     * partner totals exactly): CUSTOMER vs USER per customer and SKU, PARTNER vs the finest below per SKU.
     */
    public List<Inconsistency> inconsistencies(YearMonth period) {
        return jdbc.query("with in_use as (" + IN_USE + "), " + """
                report_rows as (
                    select e.partner_id, e.scope_org_id, e.report_type, r.customer_org_id, r.sku, r.quantity
                    from in_use e join webex_report_row r on r.report_id = e.report_id),
                pairs as (
                    select 'CUSTOMER' as coarse, 'USER' as fine, true as per_customer
                    union all select 'PARTNER', 'CUSTOMER', false
                    union all select 'PARTNER', 'USER', false),
                present as (select distinct partner_id, scope_org_id, report_type from in_use),
                compared as (
                    select p.coarse, p.fine, p.per_customer, c.partner_id, c.scope_org_id
                    from pairs p
                    join present c on c.report_type = p.coarse
                    join present f on f.report_type = p.fine and f.partner_id = c.partner_id
                        and f.scope_org_id = c.scope_org_id
                    where not (p.coarse = 'PARTNER' and p.fine = 'USER' and exists (select 1 from present x
                        where x.report_type = 'CUSTOMER' and x.partner_id = c.partner_id
                            and x.scope_org_id = c.scope_org_id))),
                sums as (
                    select k.coarse, k.fine, k.partner_id, k.scope_org_id,
                        case when k.per_customer then r.customer_org_id || ' / ' || r.sku else r.sku end as key,
                        sum(case when r.report_type = k.coarse then r.quantity else 0 end) as coarse_qty,
                        sum(case when r.report_type = k.fine then r.quantity else 0 end) as fine_qty
                    from compared k join report_rows r on r.partner_id = k.partner_id
                        and r.scope_org_id = k.scope_org_id
                        and r.report_type in (k.coarse, k.fine)
                    group by 1, 2, 3, 4, 5)
                select partner_id, scope_org_id, coarse || ' vs ' || fine, key, coarse_qty, fine_qty from sums
                where coarse_qty <> fine_qty order by 1, 2, 3, 4""",
                new MapSqlParameterSource("period", period.toString()),
                (rs, i) -> new Inconsistency(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6)));
    }

    /** Replaces the period's statements and per-user detail. */
    public void replaceStatements(YearMonth period, List<StatementLine> lines, String runId) {
        MapSqlParameterSource p = new MapSqlParameterSource("period", period.toString());
        jdbc.update("delete from webex_statement_user where period = :period", p);
        jdbc.update("delete from webex_statement_line where period = :period", p);
        jdbc.batchUpdate("""
                insert into webex_statement_line (period, partner_id, scope_org_id, customer_org_id,
                    customer_external_id, sku, description, service_name, quantity, price_unit, unit_price, gl_account,
                    amount, row_count, status, run_id)
                values (:period, :partner, :scope, :customer, :external, :sku, :description, :service, :quantity,
                    :unit, :price, :gl, :amount, :rows, :status, :run)""", lines.stream().map(l -> {
                    CustomerUsage u = l.usage();
                    return new MapSqlParameterSource("period", period.toString()).addValue("partner", u.partnerId())
                            .addValue("scope", u.scopeOrgId()).addValue("customer", u.customerOrgId())
                            .addValue("external", u.customerExternalId()).addValue("sku", u.sku())
                            .addValue("description", u.description()).addValue("service", u.serviceName())
                            .addValue("quantity", u.quantity())
                            .addValue("unit", l.price() == null ? null : l.price().priceUnit().name())
                            .addValue("price", l.price() == null ? null : l.price().unitPrice())
                            .addValue("gl", l.price() == null ? null : l.price().glAccount())
                            .addValue("amount", l.amount()).addValue("rows", u.rows())
                            .addValue("status", l.status().name()).addValue("run", runId);
                }).toArray(MapSqlParameterSource[]::new));
    }

    public void insertUserDetail(YearMonth period, String partnerId, List<ConsumerUsage> consumers,
                                 List<BigDecimal> amounts) {
        MapSqlParameterSource[] rows = new MapSqlParameterSource[consumers.size()];
        for (int i = 0; i < rows.length; i++) {
            ConsumerUsage c = consumers.get(i);
            rows[i] = new MapSqlParameterSource("period", period.toString()).addValue("partner", partnerId)
                    .addValue("customer", c.customerOrgId()).addValue("sku", c.sku()).addValue("consumer", c.consumer())
                    .addValue("subscriber", c.subscriberId()).addValue("user", c.userId())
                    .addValue("workspace", c.workspaceId()).addValue("location", c.locationId())
                    .addValue("license", c.licenseId()).addValue("start", c.consumptionStart())
                    .addValue("end", c.consumptionEnd()).addValue("quantity", c.quantity())
                    .addValue("amount", amounts.get(i));
        }
        jdbc.batchUpdate("""
                insert into webex_statement_user (period, partner_id, customer_org_id, sku, consumer, subscriber_id,
                    user_id, workspace_id, location_id, license_id, consumption_start, consumption_end, quantity,
                    amount)
                values (:period, :partner, :customer, :sku, :consumer, :subscriber, :user, :workspace, :location,
                    :license, :start, :end, :quantity, :amount)""", rows);
    }

    public void replaceReconciliation(YearMonth period, String partnerId, List<WholesaleReconciler.Result> results,
                                      String runId) {
        jdbc.update("delete from webex_reconciliation where period = :period and partner_id = :partner",
                new MapSqlParameterSource("period", period.toString()).addValue("partner", partnerId));
        jdbc.batchUpdate("""
                insert into webex_reconciliation (period, partner_id, dimension, key, label, usage_quantity,
                    invoice_quantity, usage_amount, invoice_amount, variance, status, invoice_lines, run_id)
                values (:period, :partner, :dimension, :key, :label, :usageQty, :invoiceQty, :usageAmount,
                    :invoiceAmount, :variance, :status, :lines, :run)""", results.stream()
                .map(r -> new MapSqlParameterSource("period", period.toString()).addValue("partner", partnerId)
                        .addValue("dimension", r.dimension().name()).addValue("key", r.key())
                        .addValue("label", r.label()).addValue("usageQty", r.usageQuantity())
                        .addValue("invoiceQty", r.invoiceQuantity()).addValue("usageAmount", r.usageAmount())
                        .addValue("invoiceAmount", r.invoiceAmount()).addValue("variance", r.variance())
                        .addValue("status", r.status().name()).addValue("lines", r.invoiceLines())
                        .addValue("run", runId))
                .toArray(MapSqlParameterSource[]::new));
    }

    /** Stores a partner invoice, replacing an earlier file of the same invoice number. */
    public void storeInvoice(String partnerId, PartnerInvoice invoice, String fileName, String checksum, Instant now,
                             String runId) {
        MapSqlParameterSource key = new MapSqlParameterSource("partner", partnerId)
                .addValue("number", invoice.invoiceNumber());
        jdbc.update("delete from webex_invoice where partner_id = :partner and invoice_number = :number", key);
        jdbc.update("""
                insert into webex_invoice (partner_id, invoice_number, period, currency, total, line_count, file_name,
                    checksum, received_at, run_id)
                values (:partner, :number, :period, :currency, :total, :lines, :file, :checksum, :now, :run)""",
                key.addValue("period", invoice.period().toString()).addValue("currency", invoice.currency())
                        .addValue("total", invoice.total()).addValue("lines", invoice.lines().size())
                        .addValue("file", fileName).addValue("checksum", checksum)
                        .addValue("now", SqlTime.utc(now)).addValue("run", runId));
        jdbc.batchUpdate("""
                insert into webex_invoice_line (partner_id, invoice_number, line_no, partner_org_id, customer_org_id,
                    customer_external_id, sku, description, quantity, unit_price, amount)
                values (:partner, :number, :line, :partnerOrg, :customer, :external, :sku, :description, :quantity,
                    :price, :amount)""", invoice.lines().stream()
                .map(l -> new MapSqlParameterSource("partner", partnerId).addValue("number", invoice.invoiceNumber())
                        .addValue("line", l.lineNo()).addValue("partnerOrg", l.partnerOrgId())
                        .addValue("customer", l.customerOrgId()).addValue("external", l.customerExternalId())
                        .addValue("sku", l.sku()).addValue("description", l.description())
                        .addValue("quantity", l.quantity()).addValue("price", l.unitPrice())
                        .addValue("amount", l.amount()))
                .toArray(MapSqlParameterSource[]::new));
    }

    /** The lines of every invoice of the partner for the period (one invoice normally). */
    public List<PartnerInvoice.Line> invoiceLines(String partnerId, YearMonth period) {
        return jdbc.query("""
                select l.line_no, l.partner_org_id, l.customer_org_id, l.customer_external_id, l.sku, l.description,
                    l.quantity, l.unit_price, l.amount
                from webex_invoice_line l join webex_invoice i on i.partner_id = l.partner_id
                    and i.invoice_number = l.invoice_number
                where i.partner_id = :partner and i.period = :period order by i.invoice_number, l.line_no""",
                new MapSqlParameterSource("partner", partnerId).addValue("period", period.toString()),
                (rs, i) -> new PartnerInvoice.Line(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        rs.getBigDecimal(9)));
    }

    public Optional<Map<String, Object>> invoice(String partnerId, YearMonth period) {
        return jdbc.queryForList("""
                select invoice_number, currency, total, line_count, file_name, checksum, received_at
                from webex_invoice where partner_id = :partner and period = :period order by invoice_number""",
                new MapSqlParameterSource("partner", partnerId).addValue("period", period.toString()))
                .stream().findFirst();
    }

    public boolean hasStatements(YearMonth period) {
        Boolean found = jdbc.queryForObject("select exists (select 1 from webex_statement_line where period = :period)",
                new MapSqlParameterSource("period", period.toString()), Boolean.class);
        return Boolean.TRUE.equals(found);
    }

    public List<Map<String, Object>> statementLines(YearMonth period) {
        return jdbc.queryForList("""
                select partner_id, scope_org_id, customer_org_id, customer_external_id, sku, description, service_name,
                    quantity, price_unit, unit_price, gl_account, amount, row_count, status
                from webex_statement_line where period = :period
                order by partner_id, customer_external_id, customer_org_id, sku""",
                new MapSqlParameterSource("period", period.toString()));
    }

    public List<Map<String, Object>> userLines(YearMonth period, String customerOrgId) {
        return jdbc.queryForList("""
                select u.partner_id, u.customer_org_id, s.customer_external_id, u.sku, u.consumer, u.subscriber_id,
                    u.user_id, u.workspace_id, u.location_id, u.license_id, u.consumption_start, u.consumption_end,
                    u.quantity, u.amount
                from webex_statement_user u join webex_statement_line s on s.period = u.period
                    and s.partner_id = u.partner_id and s.customer_org_id = u.customer_org_id and s.sku = u.sku
                where u.period = :period and (cast(:customer as text) is null or u.customer_org_id = :customer)
                order by s.customer_external_id, u.customer_org_id, u.sku, u.consumer, u.location_id, u.license_id""",
                new MapSqlParameterSource("period", period.toString()).addValue("customer", customerOrgId));
    }

    public List<Map<String, Object>> reconciliation(YearMonth period) {
        return jdbc.queryForList("""
                select partner_id, dimension, key, label, usage_quantity, invoice_quantity, usage_amount,
                    invoice_amount, variance, status, invoice_lines
                from webex_reconciliation where period = :period order by partner_id, dimension desc, key""",
                new MapSqlParameterSource("period", period.toString()));
    }
}
