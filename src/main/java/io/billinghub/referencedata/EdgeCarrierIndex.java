package io.billinghub.referencedata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The carrier an edge sent calls through on a UTC day, from the edge-carrier rows of one reference version. */
public final class EdgeCarrierIndex {

    public static final EdgeCarrierIndex EMPTY = new EdgeCarrierIndex(List.of());

    private final Map<String, List<EdgeCarrierEntry>> byEdge = new HashMap<>();

    public EdgeCarrierIndex(List<EdgeCarrierEntry> entries) {
        entries.forEach(e -> byEdge.computeIfAbsent(e.edgeId(), k -> new ArrayList<>()).add(e));
    }

    /** The carrier name in force for the edge on that day; empty for an unknown edge or a day no row covers. */
    public Optional<String> carrier(String edgeId, LocalDate day) {
        List<EdgeCarrierEntry> rows = edgeId == null ? null : byEdge.get(edgeId);
        return rows == null ? Optional.empty()
                : EffectivePeriod.inForce(rows, EdgeCarrierEntry::period, day).map(EdgeCarrierEntry::carrierName);
    }
}
