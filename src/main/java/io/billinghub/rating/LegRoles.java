package io.billinghub.rating;

import io.billinghub.extraction.UsageLeg;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags the carrier legs of one call: the first is PRIMARY (or FALLBACK when an earlier attempt on another carrier
 * failed), later ones are TRANSFER legs. Aggregation stays at leg level; the role is for audit and drill-down.
 */
public final class LegRoles {

    public static final String PRIMARY = "PRIMARY";
    public static final String FALLBACK = "FALLBACK";
    public static final String TRANSFER = "TRANSFER";

    private static final Comparator<UsageLeg> BY_START = Comparator.comparing(UsageLeg::startTime)
            .thenComparing(UsageLeg::legId);

    private final LegClassifier classifier = new LegClassifier();

    /** Roles by legId for the carrier legs among {@code callLegs} (all legs staged for one callId). */
    public Map<String, String> assign(List<UsageLeg> callLegs) {
        List<UsageLeg> carrierLegs = callLegs.stream()
                .filter(leg -> classifier.classify(leg) == LegClass.CARRIER)
                .sorted(BY_START)
                .toList();
        Map<String, String> roles = new HashMap<>();
        for (int i = 0; i < carrierLegs.size(); i++) {
            UsageLeg leg = carrierLegs.get(i);
            roles.put(leg.legId(), i > 0 ? TRANSFER : isFallback(leg, callLegs) ? FALLBACK : PRIMARY);
        }
        return roles;
    }

    private boolean isFallback(UsageLeg answered, List<UsageLeg> callLegs) {
        return callLegs.stream().anyMatch(other -> classifier.classify(other) == LegClass.UNANSWERED
                && !other.startTime().isAfter(answered.startTime())
                && other.carrierName() != null
                && !other.carrierName().equals(answered.carrierName()));
    }
}
