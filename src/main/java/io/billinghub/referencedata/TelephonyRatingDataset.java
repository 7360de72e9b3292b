package io.billinghub.referencedata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The carrier rating set: carriers.csv, rate-cards.csv, gl-mappings.csv and genesys-edge-carriers.csv. */
@Component
public class TelephonyRatingDataset implements ReferenceDataset<TelephonyReferenceData> {

    public static final String NAME = "telephony-rating";

    private final TelephonyReferenceParser parser;
    private final TelephonyReferenceStore store;
    private final ActiveTelephonyReference active;

    public TelephonyRatingDataset(@Value("${hub.currency:USD}") String baseCurrency, TelephonyReferenceStore store,
                                  ActiveTelephonyReference active) {
        this.parser = new TelephonyReferenceParser(baseCurrency);
        this.store = store;
        this.active = active;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> files() {
        return TelephonyReferenceParser.FILES;
    }

    @Override
    public TelephonyReferenceData parse(Map<String, byte[]> files, List<ValidationError> errors) {
        return parser.parse(files, errors);
    }

    @Override
    public void store(long versionId, TelephonyReferenceData data) {
        store.insert(versionId, data);
    }

    @Override
    public TelephonyReferenceData load(long versionId) {
        return store.load(versionId);
    }

    @Override
    public void activate(long versionId, TelephonyReferenceData data) {
        active.activate(versionId, data);
    }

    @Override
    public Map<String, Integer> rowCounts(TelephonyReferenceData data) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("carriers", data.carriers().size());
        counts.put("rateCards", data.rateCards().size());
        counts.put("glMappings", data.glMappings().size());
        counts.put("edgeCarriers", data.edgeCarriers().size());
        return counts;
    }
}
