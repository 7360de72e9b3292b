package io.billinghub.referencedata.ledger;

import io.billinghub.calendar.BusinessCalendar;
import io.billinghub.referencedata.EffectivePeriod;
import io.billinghub.referencedata.ledger.LedgerRows.CostCentreMapping;
import io.billinghub.referencedata.ledger.LedgerRows.FxRate;
import io.billinghub.referencedata.ledger.LedgerRows.GlAccount;
import io.billinghub.referencedata.ledger.LedgerRows.Holiday;
import io.billinghub.referencedata.ledger.LedgerRows.LicencePrice;
import io.billinghub.referencedata.ledger.LedgerRows.PhonePrefixRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ledger reference set, valid together, with its lookups. Every lookup is temporal: the row in force on the
 * usage date, so a historical re-run uses the mapping of its own time, not today's.
 */
public record LedgerReferenceData(
        List<GlAccount> glAccounts,
        List<CostCentreMapping> costCentres,
        List<PhonePrefixRule> phonePrefixes,
        List<FxRate> fxRates,
        List<LicencePrice> licencePrices,
        List<Holiday> holidays) {

    public Optional<CostCentreMapping> costCentre(String costCentreId, LocalDate day) {
        return EffectivePeriod.inForce(costCentres.stream().filter(m -> m.costCentreId().equals(costCentreId))
                .toList(), CostCentreMapping::period, day);
    }

    /** The longest prefix of the number's E.164 digits with a rule in force. */
    public Optional<PhonePrefixRule> phonePrefix(String phoneNumber, LocalDate day) {
        String digits = phoneNumber == null ? "" : phoneNumber.replaceAll("[^0-9]", "");
        for (int length = digits.length(); length > 0; length--) {
            String prefix = digits.substring(0, length);
            Optional<PhonePrefixRule> rule = EffectivePeriod.inForce(phonePrefixes.stream()
                    .filter(r -> r.prefix().equals(prefix)).toList(), PhonePrefixRule::period, day);
            if (rule.isPresent()) {
                return rule;
            }
        }
        return Optional.empty();
    }

    public Optional<BigDecimal> fxRate(String currency, LocalDate day) {
        return EffectivePeriod.inForce(fxRates.stream().filter(r -> r.currency().equals(currency)).toList(),
                FxRate::period, day).map(FxRate::rateToBase);
    }

    public Optional<LicencePrice> licencePrice(String featureType, String currency, LocalDate day) {
        return EffectivePeriod.inForce(licencePrices.stream()
                .filter(p -> p.featureType().equals(featureType) && p.currency().equals(currency)).toList(),
                LicencePrice::period, day);
    }

    public BusinessCalendar calendar() {
        return new BusinessCalendar(holidays.stream().map(Holiday::day).collect(Collectors.toSet()));
    }
}
