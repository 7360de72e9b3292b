package io.billinghub.referencedata.ledger;

import io.billinghub.referencedata.ReferenceDataset;
import io.billinghub.referencedata.ValidationError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The ledger set: chart of accounts, CXone cost centres, phone-prefix rules, FX, licence prices, calendar. */
@Component
public class LedgerMappingDataset implements ReferenceDataset<LedgerReferenceData> {

    public static final String NAME = "ledger";

    private final LedgerReferenceParser parser;
    private final LedgerReferenceStore store;
    private final ActiveLedgerReference active;

    public LedgerMappingDataset(@Value("${hub.currency:USD}") String baseCurrency, LedgerReferenceStore store,
                                ActiveLedgerReference active) {
        this.parser = new LedgerReferenceParser(baseCurrency);
        this.store = store;
        this.active = active;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> files() {
        return LedgerReferenceParser.FILES;
    }

    @Override
    public LedgerReferenceData parse(Map<String, byte[]> files, List<ValidationError> errors) {
        return parser.parse(files, errors);
    }

    @Override
    public void store(long versionId, LedgerReferenceData data) {
        store.insert(versionId, data);
    }

    @Override
    public LedgerReferenceData load(long versionId) {
        return store.load(versionId);
    }

    @Override
    public void activate(long versionId, LedgerReferenceData data) {
        active.activate(versionId, data);
    }

    @Override
    public Map<String, Integer> rowCounts(LedgerReferenceData data) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("glAccounts", data.glAccounts().size());
        counts.put("costCentres", data.costCentres().size());
        counts.put("phonePrefixes", data.phonePrefixes().size());
        counts.put("fxRates", data.fxRates().size());
        counts.put("licencePrices", data.licencePrices().size());
        counts.put("holidays", data.holidays().size());
        return counts;
    }
}
