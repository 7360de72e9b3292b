package io.billinghub.normalisation;

import io.billinghub.calendar.BusinessCalendar;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.extraction.cxone.CxoneProperties.GlAmountBasis;
import io.billinghub.extraction.cxone.CxoneUsageLine;
import io.billinghub.platform.Decimals;
import io.billinghub.referencedata.ledger.LedgerReferenceData;
import io.billinghub.referencedata.ledger.LedgerRows;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Normalises CXone lines for the general ledger (design document §3 and its Traps and Edge Cases):
 * <ul>
 *   <li>usage timestamps are shifted to the invoice's reporting time zone before the month is taken, so a call
 *       across midnight UTC lands in the right month (DST-correct);</li>
 *   <li>amounts are converted to the base currency at the rate in force on the usage date;</li>
 *   <li>the cost centre maps to the GL account and department in force on the usage date (a historical re-run uses
 *       the mapping of its time); an unmapped cost centre goes to the Unallocated bucket;</li>
 *   <li>the GL amount is pre- or post-tax as configured, never both;</li>
 *   <li>a taxAmount differing from costAmount × taxRate by more than the tolerance is flagged;</li>
 *   <li>a prorated licence is checked against monthly price / working days of the month × active working days.</li>
 * </ul>
 */
public final class CxoneNormaliser {

    private static final int SCALE = 6;

    /** Settings of a normalisation pass. */
    public record Settings(ZoneId reportingZone, GlAmountBasis basis, String baseCurrency, BigDecimal taxTolerance,
                           BigDecimal prorationTolerance, String unallocatedGlAccount, String unallocatedDepartment) {
    }

    /** The outcome for one line: the normalised line (null when it cannot be), findings and why it was rejected. */
    public record Result(NormalisedLine line, List<Finding> findings, String rejection) {
    }

    private final Settings settings;
    private final LedgerReferenceData ledger;
    private final BusinessCalendar calendar;
    private final long versionId;

    public CxoneNormaliser(Settings settings, LedgerReferenceData ledger, BusinessCalendar calendar, long versionId) {
        this.settings = settings;
        this.ledger = ledger;
        this.calendar = calendar;
        this.versionId = versionId;
    }

    public Result normalise(CxoneUsageLine line) {
        LocalDate localDate = line.usageDate().atZone(settings.reportingZone()).toLocalDate();
        Optional<BigDecimal> fx = line.currency().equals(settings.baseCurrency()) ? Optional.of(BigDecimal.ONE)
                : ledger.fxRate(line.currency(), localDate);
        if (fx.isEmpty()) {
            return new Result(null, List.of(), "no FX rate for " + line.currency() + " on " + localDate
                    + " in fx-rates.csv");
        }
        List<Finding> findings = new ArrayList<>();
        BigDecimal costBase = line.costAmount().multiply(fx.get()).setScale(SCALE, RoundingMode.HALF_UP);
        BigDecimal taxBase = line.taxAmount().multiply(fx.get()).setScale(SCALE, RoundingMode.HALF_UP);
        BigDecimal glAmount = settings.basis() == GlAmountBasis.PRE_TAX ? costBase : costBase.add(taxBase);

        Optional<LedgerRows.CostCentreMapping> mapping = line.costCenterId() == null ? Optional.empty()
                : ledger.costCentre(line.costCenterId(), localDate);
        Optional<LedgerRows.PhonePrefixRule> prefix = ledger.phonePrefix(line.phoneNumber(), localDate);
        BigDecimal markup = prefix.map(LedgerRows.PhonePrefixRule::markupMultiplier).orElse(BigDecimal.ONE);

        BigDecimal taxExpected = null;
        boolean taxMismatch = false;
        if (line.taxRate() == null && line.taxAmount().signum() != 0) {
            taxMismatch = true;
            findings.add(new Finding(ExceptionType.CXONE_TAX_MISMATCH, "line " + line.lineId() + " has taxAmount "
                    + line.taxAmount().toPlainString() + " but no taxRate to check it against",
                    context(line, localDate)));
        } else if (line.taxRate() != null) {
            taxExpected = line.costAmount().multiply(line.taxRate()).setScale(SCALE, RoundingMode.HALF_UP);
            taxMismatch = line.taxAmount().subtract(taxExpected).abs().compareTo(settings.taxTolerance()) > 0;
            if (taxMismatch) {
                findings.add(new Finding(ExceptionType.CXONE_TAX_MISMATCH, "line " + line.lineId() + " taxAmount "
                        + line.taxAmount().toPlainString() + " differs from costAmount × taxRate = "
                        + line.costAmount().toPlainString() + " × " + line.taxRate().toPlainString() + " = "
                        + taxExpected.stripTrailingZeros().toPlainString() + " by more than rounding",
                        context(line, localDate)));
            }
        }
        BigDecimal proratedExpected = line.prorated() ? proration(line, localDate, findings) : null;

        NormalisedLine normalised = new NormalisedLine(line.lineId(), line.tenantId(), YearMonth.from(localDate),
                localDate, line.featureType(), line.costCenterId(),
                mapping.map(LedgerRows.CostCentreMapping::glAccount).orElse(settings.unallocatedGlAccount()),
                mapping.map(LedgerRows.CostCentreMapping::department).orElse(settings.unallocatedDepartment()),
                mapping.isPresent(), prefix.map(LedgerRows.PhonePrefixRule::region).orElse(null), markup,
                line.currency(), fx.get(), costBase, taxBase, glAmount,
                glAmount.multiply(markup).setScale(SCALE, RoundingMode.HALF_UP), taxExpected, taxMismatch,
                proratedExpected, line.creditMemoId(), versionId);
        return new Result(normalised, findings, null);
    }

    /** expected = monthly price / working days in the month × active working days, to the cent. */
    private BigDecimal proration(CxoneUsageLine line, LocalDate localDate, List<Finding> findings) {
        LocalDate start = line.serviceStart() != null ? line.serviceStart() : localDate;
        YearMonth month = YearMonth.from(start);
        // a service period running past the month is charged for the month's part only
        LocalDate end = line.serviceEnd() == null || line.serviceEnd().isAfter(month.atEndOfMonth())
                ? month.atEndOfMonth() : line.serviceEnd();
        int workingDays = calendar.workingDays(month);
        if (end.isBefore(start) || workingDays == 0) {
            findings.add(new Finding(ExceptionType.CXONE_PRORATION_MISMATCH, "prorated line " + line.lineId()
                    + " cannot be checked: " + (workingDays == 0 ? month + " has no working days"
                    : "its service period ends (" + end + ") before it starts (" + start + ")"),
                    context(line, localDate)));
            return null;
        }
        Optional<LedgerRows.LicencePrice> price = ledger.licencePrice(line.featureType(), line.currency(), start);
        if (price.isEmpty()) {
            findings.add(new Finding(ExceptionType.CXONE_PRORATION_MISMATCH, "prorated line " + line.lineId()
                    + " cannot be checked: no " + line.featureType() + " price in " + line.currency() + " on "
                    + start + " in cxone-licence-prices.csv", context(line, localDate)));
            return null;
        }
        int activeDays = calendar.workingDays(start, end);
        BigDecimal expected = price.get().monthlyCost().multiply(BigDecimal.valueOf(activeDays))
                .divide(BigDecimal.valueOf(workingDays), 2, RoundingMode.HALF_UP);
        BigDecimal difference = line.costAmount().subtract(expected);
        if (difference.abs().compareTo(settings.prorationTolerance()) > 0) {
            Map<String, Object> context = context(line, localDate);
            context.put("monthlyCost", Decimals.display(price.get().monthlyCost()));
            context.put("workingDaysInMonth", workingDays);
            context.put("activeWorkingDays", activeDays);
            context.put("expected", expected.toPlainString());
            findings.add(new Finding(ExceptionType.CXONE_PRORATION_MISMATCH, "prorated licence " + line.lineId()
                    + " of " + line.userName() + " is " + line.costAmount().toPlainString() + " but "
                    + Decimals.display(price.get().monthlyCost()) + " / " + workingDays + " working days × "
                    + activeDays + " active = " + expected.toPlainString() + " (difference "
                    + difference.toPlainString() + ")", context));
        }
        return expected;
    }

    private static Map<String, Object> context(CxoneUsageLine line, LocalDate localDate) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("lineId", line.lineId());
        context.put("localDate", localDate.toString());
        context.put("featureType", line.featureType());
        context.put("costCenterId", line.costCenterId());
        context.put("costAmount", line.costAmount().toPlainString());
        context.put("taxAmount", line.taxAmount().toPlainString());
        context.put("currency", line.currency());
        return context;
    }
}
