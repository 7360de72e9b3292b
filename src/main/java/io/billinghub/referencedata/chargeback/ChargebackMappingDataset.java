package io.billinghub.referencedata.chargeback;

import io.billinghub.chargeback.ChargebackProperties;
import io.billinghub.referencedata.ReferenceDataset;
import io.billinghub.referencedata.ValidationError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The chargeback set: HRIS cost-centre whitelist, versioned cost multipliers and the attributes of Genesys Cloud
 * queues and trunks.
 */
@Component
public class ChargebackMappingDataset implements ReferenceDataset<ChargebackReferenceData> {

    public static final String NAME = "chargeback";

    private final ChargebackReferenceParser parser;
    private final ChargebackReferenceStore store;
    private final ActiveChargebackReference active;

    public ChargebackMappingDataset(ChargebackProperties properties, ChargebackReferenceStore store,
                                    ActiveChargebackReference active) {
        this.parser = new ChargebackReferenceParser(properties.costCentreAttributes());
        this.store = store;
        this.active = active;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> files() {
        return ChargebackReferenceParser.FILES;
    }

    @Override
    public ChargebackReferenceData parse(Map<String, byte[]> files, List<ValidationError> errors) {
        return parser.parse(files, errors);
    }

    @Override
    public void store(long versionId, ChargebackReferenceData data) {
        store.insert(versionId, data);
    }

    @Override
    public ChargebackReferenceData load(long versionId) {
        return store.load(versionId);
    }

    @Override
    public void activate(long versionId, ChargebackReferenceData data) {
        active.activate(versionId, data);
    }

    @Override
    public Map<String, Integer> rowCounts(ChargebackReferenceData data) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("costCentres", data.costCentres().size());
        counts.put("multiplierVersions", data.versions().size());
        counts.put("genesysResourceAttributes", data.genesysAttributes().size());
        return counts;
    }
}
