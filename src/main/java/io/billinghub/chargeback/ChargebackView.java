package io.billinghub.chargeback;

import io.billinghub.allocation.AllocationEngine;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * The monthly chargeback as finance reads it: per business unit and cost centre, the charge of each category as
 * allocated and as adjusted by overrides (with the overrides behind it), the manifest and the findings.
 */
@Service
public class ChargebackView {

    /** One cost centre's row of the report. */
    public record CostCentreRow(String businessUnit, String division, String costCentre,
                                Map<String, BigDecimal> allocated, Map<String, BigDecimal> adjusted,
                                BigDecimal allocatedTotal, BigDecimal adjustedTotal, BigDecimal licenceUtilisation,
                                List<Long> overrides) {
    }

    private final ChargebackReports reports;
    private final Overrides overrides;

    public ChargebackView(ChargebackReports reports, Overrides overrides) {
        this.reports = reports;
        this.overrides = overrides;
    }

    public ChargebackReports.Header header(YearMonth period) {
        return reports.header(period).orElseThrow(() -> new NoSuchElementException("no chargeback for " + period
                + " yet: run it with POST /api/runs {\"pipeline\": \"chargeback\", \"period\": \"" + period + "\"}"));
    }

    public List<ChargebackLineRow> adjustedLines(YearMonth period) {
        header(period);
        return AdjustedLines.of(reports.lines(period), overrides.forPeriod(period));
    }

    public List<CostCentreRow> costCentres(YearMonth period) {
        Map<String, CostCentreRow> rows = new TreeMap<>();
        for (ChargebackLineRow l : adjustedLines(period)) {
            CostCentreRow row = rows.computeIfAbsent(l.businessUnit() + "|" + l.costCentreId(),
                    k -> new CostCentreRow(l.businessUnit(), l.division(), l.costCentre(), zeros(), zeros(),
                            BigDecimal.ZERO, BigDecimal.ZERO, null, new ArrayList<>()));
            BigDecimal utilisation = row.licenceUtilisation();
            if (l.overrideId() == null) {
                row.allocated().merge(l.category(), l.amount(), BigDecimal::add);
                if (AllocationEngine.LICENCE.equals(l.category()) && l.utilisation() != null
                        && !l.reasonCode().equals(AllocationEngine.UNRECOVERED_LICENCE)) {
                    utilisation = l.utilisation();
                }
            } else if (!row.overrides().contains(l.overrideId())) {
                row.overrides().add(l.overrideId());
            }
            row.adjusted().merge(l.category(), l.amount(), BigDecimal::add);
            rows.put(l.businessUnit() + "|" + l.costCentreId(), new CostCentreRow(row.businessUnit(), row.division(),
                    row.costCentre(), row.allocated(), row.adjusted(), sum(row.allocated()), sum(row.adjusted()),
                    utilisation, row.overrides()));
        }
        return new ArrayList<>(rows.values());
    }

    public Map<String, Object> report(YearMonth period) {
        ChargebackReports.Header h = header(period);
        List<CostCentreRow> centres = costCentres(period);
        Map<String, Map<String, BigDecimal>> units = new TreeMap<>();
        for (CostCentreRow row : centres) {
            Map<String, BigDecimal> unit = units.computeIfAbsent(row.businessUnit(), k -> zeros());
            row.adjusted().forEach((c, a) -> unit.merge(c, a, BigDecimal::add));
        }
        List<Map<String, Object>> businessUnits = new ArrayList<>();
        units.forEach((unit, categories) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("businessUnit", unit);
            entry.put("categories", categories);
            entry.put("total", sum(categories));
            businessUnits.add(entry);
        });
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("period", h.period());
        report.put("status", h.status());
        report.put("revision", h.revision());
        report.put("multiplierVersion", h.multiplierVersion());
        report.put("multiplierChecksum", h.multiplierChecksum());
        report.put("referenceVersion", h.referenceVersion());
        report.put("snapshotAt", h.snapshotAt());
        report.put("computedAt", h.computedAt());
        report.put("issuedAt", h.issuedAt());
        report.put("runId", h.runId());
        report.put("extractions", reports.read(h.extractions()));
        report.put("linesChecksum", h.checksum());
        report.put("manifest", reports.read(h.manifest()));
        report.put("adjustedTotal", centres.stream().map(CostCentreRow::adjustedTotal)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        report.put("businessUnits", businessUnits);
        report.put("costCentres", centres);
        report.put("overrides", overrides.forPeriod(period));
        report.put("findings", reports.read(h.findings()));
        return report;
    }

    private static Map<String, BigDecimal> zeros() {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        AllocationEngine.CATEGORIES.forEach(c -> m.put(c, BigDecimal.ZERO.setScale(2)));
        return m;
    }

    private static BigDecimal sum(Map<String, BigDecimal> m) {
        return m.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
