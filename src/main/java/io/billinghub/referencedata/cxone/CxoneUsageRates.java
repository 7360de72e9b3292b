package io.billinghub.referencedata.cxone;

import io.billinghub.referencedata.EffectivePeriod;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A valid version of the CXone usage price list and team mapping, with their lookups on a local day. */
public record CxoneUsageRates(List<CxoneUsageRate> rates, List<CxoneTeamCostCentre> teams) {

    public CxoneUsageRates {
        rates = List.copyOf(rates);
        teams = List.copyOf(teams);
    }

    public Optional<CxoneUsageRate> rate(String featureType, String direction, String currency, LocalDate day) {
        return EffectivePeriod.inForce(rates.stream().filter(r -> r.featureType().equals(featureType)
                && r.direction().equals(direction) && r.currency().equals(currency)).toList(),
                CxoneUsageRate::period, day);
    }

    public Optional<CxoneTeamCostCentre> team(String teamId, LocalDate day) {
        return EffectivePeriod.inForce(teams.stream().filter(t -> t.teamId().equals(teamId)).toList(),
                CxoneTeamCostCentre::period, day);
    }
}
