package io.billinghub.rating;

import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.exceptions.NewException;
import io.billinghub.extraction.ExtractionWindow;
import io.billinghub.extraction.UsageLeg;
import io.billinghub.platform.SqlTime;
import io.billinghub.referencedata.ActiveTelephonyReference;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Rates staged legs with the reference version in force. A pass takes whole calls (every leg sharing a callId
 * with a leg of the window) so leg roles are consistent, replaces each leg's rated row, raises each unrated
 * carrier leg once in the exception queue and closes the cases of legs that now rate.
 */
@Service
public class RatingService {

    public static final String REPLAY_ENDPOINT = "direct:rate-legs";
    /** The leg a replayed UNRATED_LEG case re-rates (its payload is the raw record, JSON or a file's line). */
    public static final String LEG_ID_HEADER = "hubLegId";

    /** What a rating pass did: legs = rated + excluded + unrated. */
    public record Outcome(long versionId, int legs, int rated, int excluded, int unrated, BigDecimal cost,
                          Map<String, Integer> byClass, Map<String, Integer> unratedByReason) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final RatedLegStore store;
    private final ActiveTelephonyReference reference;
    private final ExceptionQueue exceptions;
    private final Clock clock;
    private final CallRater callRater = new CallRater();

    public RatingService(NamedParameterJdbcTemplate jdbc, RatedLegStore store, ActiveTelephonyReference reference,
                         ExceptionQueue exceptions, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.reference = reference;
        this.exceptions = exceptions;
        this.clock = clock;
    }

    public Outcome rateWindow(ExtractionWindow window, String runId, String correlationId) {
        List<UsageLeg> legs = jdbc.query("""
                select * from usage_leg where call_id in (
                    select call_id from usage_leg
                    where tenant_id = :tenant and start_time >= :from and start_time < :to)
                order by call_id, start_time, leg_id""",
                new MapSqlParameterSource("tenant", window.tenantId())
                        .addValue("from", SqlTime.utc(window.start())).addValue("to", SqlTime.utc(window.end())),
                USAGE_LEG);
        return rate(legs, runId, correlationId);
    }

    /**
     * Re-rates the legs given: an API leg with the whole of its call (staged in usage_leg), a file's leg alone with
     * the role it was given with its call (staged in rated_leg, V16).
     */
    public Outcome rateLegs(Collection<String> legIds, String runId, String correlationId) {
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", legIds);
        List<UsageLeg> legs = jdbc.query("""
                select * from usage_leg where call_id in (select call_id from usage_leg where leg_id in (:ids))
                order by call_id, start_time, leg_id""", ids, USAGE_LEG);
        Map<String, String> roles = new HashMap<>();
        List<UsageLeg> fileLegs = jdbc.query("""
                select * from rated_leg r
                where r.leg_id in (:ids) and r.vendor is not null
                  and not exists (select 1 from usage_leg u where u.leg_id = r.leg_id)
                order by r.leg_id""", ids, (rs, i) -> {
            roles.put(rs.getString("leg_id"), rs.getString("leg_role"));
            return USAGE_LEG.mapRow(rs, i);
        });
        ActiveTelephonyReference.Snapshot snapshot = reference.require();
        List<RatedLeg> rated = new ArrayList<>(callRater.rate(legs, snapshot.rating()));
        rated.addAll(callRater.rate(fileLegs, roles, snapshot.rating()));
        List<UsageLeg> all = new ArrayList<>(legs);
        all.addAll(fileLegs);
        return store(all, rated, snapshot, runId, correlationId);
    }

    private Outcome rate(List<UsageLeg> legs, String runId, String correlationId) {
        ActiveTelephonyReference.Snapshot snapshot = reference.require();
        return store(legs, callRater.rate(legs, snapshot.rating()), snapshot, runId, correlationId);
    }

    private Outcome store(List<UsageLeg> legs, List<RatedLeg> rated, ActiveTelephonyReference.Snapshot snapshot,
                          String runId, String correlationId) {
        store.upsert(rated, runId, clock.instant());
        return account(legs, rated, snapshot.versionId(), runId, correlationId);
    }

    /**
     * Counts a rating pass of {@code legs} (stored by the caller), raises each unrated carrier leg once and closes
     * the cases of legs that now rate.
     */
    public Outcome account(List<UsageLeg> legs, List<RatedLeg> rated, long versionId, String runId,
                           String correlationId) {
        Set<String> nowPriced = new HashSet<>();
        Map<String, Integer> byClass = new TreeMap<>();
        Map<String, Integer> unratedByReason = new TreeMap<>();
        BigDecimal cost = BigDecimal.ZERO;
        int ratedCount = 0;
        int excluded = 0;
        List<RatedLeg> unratedLegs = new ArrayList<>();
        for (RatedLeg leg : rated) {
            byClass.merge(leg.legClass().name(), 1, Integer::sum);
            switch (leg.status()) {
                case RATED -> {
                    ratedCount++;
                    cost = cost.add(leg.cost());
                    nowPriced.add(leg.legId());
                }
                case EXCLUDED -> {
                    excluded++;
                    nowPriced.add(leg.legId());
                }
                case UNRATED -> {
                    unratedByReason.merge(leg.unratedReason().name(), 1, Integer::sum);
                    unratedLegs.add(leg);
                }
            }
        }
        if (!unratedLegs.isEmpty()) {
            // the raw records of the few unrated legs only: a pass may hold millions of legs
            Map<String, UsageLeg> byId = legs.stream().collect(Collectors.toMap(UsageLeg::legId, l -> l,
                    (first, again) -> again));
            exceptions.raiseAll(unratedLegs.stream()
                    .map(leg -> unratedCase(leg, byId.get(leg.legId()), runId, correlationId)).toList());
        }
        closeCasesOf(nowPriced, versionId);
        int unrated = rated.size() - ratedCount - excluded;
        return new Outcome(versionId, rated.size(), ratedCount, excluded, unrated, cost, byClass,
                unratedByReason);
    }

    private static NewException unratedCase(RatedLeg leg, UsageLeg source, String runId, String correlationId) {
        String reason = switch (leg.unratedReason()) {
            case UNKNOWN_CARRIER -> leg.carrierName() == null
                    // the published Genesys connector: the leg's edge (edgeId in the payload) has no carrier mapping
                    ? "the leg names no carrier (a Genesys edge without a row in genesys-edge-carriers.csv on that"
                            + " day; re-extract the window after adding it)"
                    : "carrier '" + leg.carrierName() + "' is not in the reference data";
            case NO_RATE -> "no rate card row of carrier '" + leg.carrierName() + "' matches "
                    + leg.destinationNumber() + " on " + leg.utcDay();
            case NO_DESTINATION -> "destination number '" + leg.destinationNumber() + "' has no digits to rate";
        };
        return NewException.of(ExceptionType.UNRATED_LEG, "leg " + leg.legId() + " unrated ("
                + leg.unratedReason() + "): " + reason)
                .pipeline("carrier-cpm")
                .source("telephony usage " + leg.tenantId(), "leg " + leg.legId())
                .route(null, null, REPLAY_ENDPOINT)
                .run(runId, correlationId)
                .dedupeKey("leg:" + leg.legId())
                .headers(Map.of("headers", Map.of(LEG_ID_HEADER, leg.legId())))
                .context("legId", leg.legId())
                .context("callId", leg.callId())
                .context("carrierName", leg.carrierName())
                .context("destinationNumber", leg.destinationNumber())
                .context("utcDay", leg.utcDay().toString())
                .context("unratedReason", leg.unratedReason().name())
                .context("rawSeconds", leg.rawSeconds())
                .payload(source.rawPayload().getBytes(StandardCharsets.UTF_8), "text")
                .build();
    }

    /** Closes the open UNRATED_LEG cases of legs that now rate (open cases are few; priced legs can be millions). */
    private void closeCasesOf(Set<String> pricedLegIds, long versionId) {
        if (pricedLegIds.isEmpty()) {
            return;
        }
        List<String> open = jdbc.queryForList("""
                select dedupe_key from exception_item where type = 'UNRATED_LEG' and status <> 'RESOLVED'""",
                new MapSqlParameterSource(), String.class);
        open.stream().filter(key -> pricedLegIds.contains(key.substring("leg:".length())))
                .forEach(key -> exceptions.autoResolve(ExceptionType.UNRATED_LEG, key,
                        "rated with reference version " + versionId));
    }

    static final RowMapper<UsageLeg> USAGE_LEG = (rs, i) -> new UsageLeg(
            rs.getString("leg_id"), rs.getString("call_id"), rs.getString("tenant_id"), rs.getString("vendor"),
            SqlTime.instant(rs, "start_time"), SqlTime.instant(rs, "end_time"), rs.getInt("duration_seconds"),
            rs.getInt("billing_duration_seconds"), rs.getString("carrier_name"), rs.getString("destination_number"),
            rs.getString("call_type"), rs.getString("direction"), rs.getString("call_outcome"),
            rs.getString("raw_payload"));
}
