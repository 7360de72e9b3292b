package io.billinghub.extraction.file;

import io.billinghub.cpm.CpmAggregation;
import io.billinghub.cpm.DailyUsage;
import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.extraction.UsageLeg;
import io.billinghub.extraction.UsageStaging;
import io.billinghub.platform.Checksums;
import io.billinghub.platform.PlannerStatistics;
import io.billinghub.rating.RatedLeg;
import io.billinghub.rating.RatingService;
import io.billinghub.referencedata.ActiveTelephonyReference;
import java.io.InputStream;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stages and rates a usage file, streaming ({@link RatedUsageStream}: workers read and rate chunks while the
 * caller's thread writes the previous one). Staged legs go in one transaction and their rated rows in another, on a
 * second connection, committed right after ({@link RatedRowsWriter}): two database backends load at once. New legs
 * go in by COPY; a leg already staged (a re-sent or corrected file, or the same leg from the API) takes the
 * idempotent upsert path, so nothing is counted twice. A file that fails leaves nothing behind.
 */
@Service
public class UsageFileIngest {

    public static final String PIPELINE = "usage-file-intake";

    /**
     * What one file did: lines = legs + rejected; legs = inserted + updated + unchanged = rated + excluded
     * + unrated.
     */
    public record Outcome(long lines, long legs, long rejected, long inserted, long updated, long unchanged,
                          long rated, long excluded, long unrated, BigDecimal cost, Map<String, Long> unratedByReason,
                          Set<LocalDate> days, List<DailyUsage> daily, long referenceVersionId) {
    }

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ActiveTelephonyReference reference;
    private final UsageStaging staging;
    private final RatingService rating;
    private final ExceptionQueue exceptions;
    private final Clock clock;
    private final RatedUsageStream stream;

    public UsageFileIngest(DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate tx,
                           ActiveTelephonyReference reference, UsageStaging staging, RatingService rating,
                           ExceptionQueue exceptions, Clock clock, UsageFileProperties properties) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
        this.reference = reference;
        this.staging = staging;
        this.rating = rating;
        this.exceptions = exceptions;
        this.clock = clock;
        this.stream = new RatedUsageStream(properties.chunkSize());
    }

    /**
     * @param source   tenant/file name, for the cases of rejected lines
     * @param checksum the file's checksum: a rejected line's case is keyed by it and the line, so the same file
     *                 sent again under another name opens no second case
     */
    public Outcome ingest(String tenantId, String source, String checksum, InputStream content, String runId,
                          String correlationId) {
        ActiveTelephonyReference.Snapshot snapshot = reference.require();
        try (RatedRowsWriter ratedRows = new RatedRowsWriter(dataSource, jdbc.getExceptionTranslator())) {
            Outcome outcome = tx.execute(status -> {
                Instant now = clock.instant();
                Connection connection = DataSourceUtils.getConnection(dataSource);
                Tally tally = new Tally();
                UsageFileReader.Totals totals = stream.run(content, tenantId, snapshot.rating(), work -> {
                    tally.staged(store(connection, ratedRows, work, runId, now));
                    exceptions.raiseAll(work.chunk().rejected().stream()
                            .map(rejected -> rejected.toCase(ExceptionType.MALFORMED_RECORD, PIPELINE, source)
                                    .run(runId, correlationId)
                                    .dedupeKey("usage-file|" + tenantId + "|" + checksum + "|"
                                            + rejected.position())
                                    .context("tenantId", tenantId)
                                    .context("fileChecksum", checksum)
                                    .build())
                            .toList());
                    tally.rated(rating.account(work.chunk().legs(), work.rated(), snapshot.versionId(), runId,
                            correlationId), work.rated());
                });
                // every rated row written before the staged legs commit: a failure rolls both back
                ratedRows.finish();
                return new Outcome(totals.lines(), totals.legs(), totals.rejected(), tally.inserted, tally.updated,
                        tally.unchanged, tally.rated, tally.excluded, tally.unrated, tally.cost,
                        tally.unratedByReason, tally.days, tally.aggregation.daily(), snapshot.versionId());
            });
            ratedRows.commit();
            PlannerStatistics.refreshAfterLoad(jdbc, outcome.inserted(), PlannerStatistics.Load.USAGE_LEGS);
            return outcome;
        }
    }

    /** The file's running counts and sums, chunk by chunk. */
    private static final class Tally {
        long inserted;
        long updated;
        long unchanged;
        long rated;
        long excluded;
        long unrated;
        BigDecimal cost = BigDecimal.ZERO;
        final Map<String, Long> unratedByReason = new TreeMap<>();
        final Set<LocalDate> days = new TreeSet<>();
        final CpmAggregation aggregation = new CpmAggregation();

        void staged(UsageStaging.StageCounts counts) {
            inserted += counts.inserted();
            updated += counts.updated();
            unchanged += counts.unchanged();
        }

        void rated(RatingService.Outcome outcome, List<RatedLeg> legs) {
            rated += outcome.rated();
            excluded += outcome.excluded();
            unrated += outcome.unrated();
            cost = cost.add(outcome.cost());
            outcome.unratedByReason().forEach((reason, n) -> unratedByReason.merge(reason, (long) n, Long::sum));
            aggregation.add(legs);
            legs.forEach(leg -> days.add(leg.utcDay()));
        }
    }

    /**
     * COPY for legs never staged, the upsert path for the others (staged before, or repeated in this file); their
     * rated rows likewise, on the rated rows' own connection.
     */
    private UsageStaging.StageCounts store(Connection connection, RatedRowsWriter ratedRows,
                                           RatedUsageStream.RatedChunk work, String runId, Instant now) {
        List<UsageLeg> legs = work.chunk().legs();
        List<RatedLeg> rated = work.rated();
        MessageDigest digest = Checksums.newSha256();
        Set<String> seen = staged(legs);
        List<UsageLeg> newLegs = new ArrayList<>(legs.size());
        List<String> newChecksums = new ArrayList<>(legs.size());
        List<UsageLeg> again = new ArrayList<>();
        for (UsageLeg leg : legs) {
            if (seen.add(leg.legId())) {
                newLegs.add(leg);
                newChecksums.add(Checksums.sha256(digest, leg.rawPayload()));
            } else {
                again.add(leg);
            }
        }
        Set<String> newIds = new HashSet<>(newLegs.size() * 2);
        newLegs.forEach(leg -> newIds.add(leg.legId()));
        List<RatedLeg> newRated = new ArrayList<>(newLegs.size());
        List<RatedLeg> ratedAgain = new ArrayList<>();
        // rated legs come in call order: each new leg's first rated row is COPYed, any later one is an upsert
        for (RatedLeg leg : rated) {
            if (newIds.remove(leg.legId())) {
                newRated.add(leg);
            } else {
                ratedAgain.add(leg);
            }
        }
        ratedRows.write(newRated, ratedAgain, runId, now);
        LegRows.copyUsage(connection, jdbc.getExceptionTranslator(), newLegs, newChecksums, runId, now);
        UsageStaging.StageCounts upserted = staging.upsert(again, runId, now);
        return new UsageStaging.StageCounts(newLegs.size() + upserted.inserted(), upserted.updated(),
                upserted.unchanged());
    }

    /** Which of the legs are staged already (one indexed lookup for the whole chunk). */
    private Set<String> staged(List<UsageLeg> legs) {
        Set<String> staged = new HashSet<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select leg_id from usage_leg where leg_id = any(?)");
            ps.setArray(1, con.createArrayOf("text", legs.stream().map(UsageLeg::legId).toArray()));
            return ps;
        }, rs -> {
            staged.add(rs.getString(1));
        });
        return staged;
    }
}
