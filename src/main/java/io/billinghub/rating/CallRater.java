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

    /** Rated legs in the order of the calls' first legs. */
    public List<RatedLeg> rate(List<UsageLeg> legs, RatingReference reference) {
        Map<String, List<UsageLeg>> byCall = new LinkedHashMap<>();
        for (UsageLeg leg : legs) {
            byCall.computeIfAbsent(leg.callId(), c -> new ArrayList<>(2)).add(leg);
        }
        List<RatedLeg> rated = new ArrayList<>(legs.size());
        for (List<UsageLeg> call : byCall.values()) {
            Map<String, String> callRoles = roles.assign(call);
            for (UsageLeg leg : call) {
                rated.add(rater.rate(leg, callRoles.get(leg.legId()), reference));
            }
        }
        return rated;
    }
}
