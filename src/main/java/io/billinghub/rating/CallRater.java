package io.billinghub.rating;

import io.billinghub.extraction.UsageLeg;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rates legs call by call: legs sharing a callId get their roles together, then each is priced. The legs of a call
 * must all be in the list given, or roles are assigned on part of the call.
 */
public final class CallRater {

    private final LegRater rater = new LegRater();
    private final LegRoles roles = new LegRoles();

    /** Rated legs, one per leg given, in {@link #inCallOrder} of the legs. */
    public List<RatedLeg> rate(List<UsageLeg> legs, RatingReference reference) {
        List<RatedLeg> rated = new ArrayList<>(legs.size());
        for (List<UsageLeg> call : byCall(legs).values()) {
            Map<String, String> callRoles = roles.assign(call);
            for (UsageLeg leg : call) {
                rated.add(rater.rate(leg, callRoles.get(leg.legId()), reference));
            }
        }
        return rated;
    }

    /**
     * Rates legs whose roles were assigned before (stored with their rating), without the rest of their calls: a
     * role depends on the call's legs alone, not on the reference data.
     */
    public List<RatedLeg> rate(List<UsageLeg> legs, Map<String, String> rolesByLegId, RatingReference reference) {
        return legs.stream().map(leg -> rater.rate(leg, rolesByLegId.get(leg.legId()), reference)).toList();
    }

    /** The legs grouped by call, the calls in the order of their first legs: the order {@link #rate} rates them in. */
    public static List<UsageLeg> inCallOrder(List<UsageLeg> legs) {
        List<UsageLeg> ordered = new ArrayList<>(legs.size());
        byCall(legs).values().forEach(ordered::addAll);
        return ordered;
    }

    private static Map<String, List<UsageLeg>> byCall(List<UsageLeg> legs) {
        Map<String, List<UsageLeg>> byCall = new LinkedHashMap<>();
        for (UsageLeg leg : legs) {
            byCall.computeIfAbsent(leg.callId(), c -> new ArrayList<>(2)).add(leg);
        }
        return byCall;
    }
}
