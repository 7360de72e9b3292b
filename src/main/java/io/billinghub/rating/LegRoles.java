package io.billinghub.rating;

import io.billinghub.extraction.UsageLeg;
import java.util.ArrayList;
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
        if (callLegs.size() == 1) {
            // most calls: one leg, nothing to order or to fall back from
            UsageLeg only = callLegs.get(0);
            return classifier.classify(only) == LegClass.CARRIER ? Map.of(only.legId(), PRIMARY) : Map.of();
        }
        List<UsageLeg> carrierLegs = new ArrayList<>(callLegs.size());
        for (UsageLeg leg : callLegs) {
            if (classifier.classify(leg) == LegClass.CARRIER) {
                carrierLegs.add(leg);
            }
        }
        carrierLegs.sort(BY_START);
        Map<String, String> roles = new HashMap<>();
        for (int i = 0; i < carrierLegs.size(); i++) {
            UsageLeg leg = carrierLegs.get(i);
            roles.put(leg.legId(), i > 0 ? TRANSFER : isFallback(leg, callLegs) ? FALLBACK : PRIMARY);
        }
        return roles;
    }

    private boolean isFallback(UsageLeg answered, List<UsageLeg> callLegs) {
        for (UsageLeg other : callLegs) {
            if (other.carrierName() != null && !other.carrierName().equals(answered.carrierName())
                    && !other.startTime().isAfter(answered.startTime())
                    && classifier.classify(other) == LegClass.UNANSWERED) {
                return true;
            }
        }
        return false;
    }
}
