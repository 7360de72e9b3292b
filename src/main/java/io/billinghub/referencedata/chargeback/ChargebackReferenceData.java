package io.billinghub.referencedata.chargeback;

import io.billinghub.referencedata.CsvFields;
import io.billinghub.referencedata.EffectivePeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chargeback reference set: the HRIS whitelist of cost centres, the versioned cost multipliers and the custom
 * attributes of Genesys Cloud queues and trunks, which the published APIs do not hold.
 */
public record ChargebackReferenceData(List<HrisCostCentre> costCentres, List<MultiplierVersion> versions,
                                      List<GenesysResourceAttribute> genesysAttributes) {

    public ChargebackReferenceData {
        costCentres = List.copyOf(costCentres);
        versions = List.copyOf(versions);
        genesysAttributes = List.copyOf(genesysAttributes);
    }

    /** A valid cost centre of a division, as HRIS exports it. */
    public record HrisCostCentre(int lineNo, String division, String costCentre, String businessUnit, String name,
                                 EffectivePeriod period) implements CsvFields.Dated {
    }

    /** The Genesys Cloud resources whose attributes the integration team maintains. */
    public enum ResourceType { QUEUE, TRUNK }

    /**
     * One attribute of a Genesys Cloud queue or trunk, in force over its period (mappings/
     * genesys-resource-attributes.csv); the name is for the people who maintain the file and is not compared.
     */
    public record GenesysResourceAttribute(int lineNo, ResourceType resourceType, String resourceId,
                                           String resourceName, String attribute, String value,
                                           EffectivePeriod period) implements CsvFields.Dated {
    }

    /** Shared telephony allocation models (BU::ALLOCATION_MODEL on a trunk, or the registry's default). */
    public enum TelephonyModel { VOLUME, CONCURRENCY_WEIGHTED, HYBRID }

    /** One approved version of the multipliers, in force from its effective date until its deprecation date. */
    public record MultiplierVersion(String version, LocalDate effectiveDate, LocalDate deprecationDate,
                                    String approverId, String checksum, Multipliers multipliers) {

        boolean covers(LocalDate day) {
            return !day.isBefore(effectiveDate) && (deprecationDate == null || day.isBefore(deprecationDate));
        }
    }

    /** The rates of a version: licence price per seat and month by licence type, and per-unit rates. */
    public record Multipliers(Map<String, BigDecimal> licencePerSeatMonthly, BigDecimal telephonyPerMinute,
                              BigDecimal wfmPerScheduledMinute, BigDecimal analyticsPerProcessedMinute,
                              TelephonyModel sharedResourceAllocation) {
    }

    /** The cost centre of HRIS for a division and code, valid on the day. */
    public Optional<HrisCostCentre> costCentre(String division, String code, LocalDate day) {
        return EffectivePeriod.inForce(costCentres.stream()
                .filter(c -> c.division().equals(division) && c.costCentre().equals(code)).toList(),
                HrisCostCentre::period, day);
    }

    /**
     * The version in force for a period: versions start on the first of a month (validated), so one version covers
     * a whole period.
     */
    public Optional<MultiplierVersion> versionFor(YearMonth period) {
        return versions.stream().filter(v -> v.covers(period.atDay(1))).findFirst();
    }

    /**
     * The attributes in force on the day of every queue or trunk of the type that has any, by resource id: of each
     * attribute the row in force that started last (the successor on a handover day).
     */
    public Map<String, Map<String, String>> genesysAttributesOn(ResourceType type, LocalDate day) {
        Map<String, List<GenesysResourceAttribute>> byAttribute = new HashMap<>();
        for (GenesysResourceAttribute row : genesysAttributes) {
            if (row.resourceType() == type) {
                byAttribute.computeIfAbsent(row.resourceId() + "\0" + row.attribute(), k -> new ArrayList<>())
                        .add(row);
            }
        }
        Map<String, Map<String, String>> byResource = new HashMap<>();
        byAttribute.values().forEach(rows -> EffectivePeriod.inForce(rows, GenesysResourceAttribute::period, day)
                .ifPresent(r -> byResource.computeIfAbsent(r.resourceId(), k -> new HashMap<>())
                        .put(r.attribute(), r.value())));
        byResource.replaceAll((id, attributes) -> Map.copyOf(attributes));
        return Map.copyOf(byResource);
    }
}
