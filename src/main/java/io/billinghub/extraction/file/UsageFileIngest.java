package io.billinghub.extraction.file;

import io.billinghub.cpm.CpmAggregation;
import io.billinghub.cpm.DailyUsage;
import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.extraction.UsageStaging;
import io.billinghub.platform.PlannerStatistics;
import io.billinghub.rating.RatedLeg;
import io.billinghub.rating.RatingService;
import io.billinghub.referencedata.ActiveTelephonyReference;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stages and rates a usage file, streaming ({@link RatedUsageStream}: workers read and rate chunks while the
 * caller's thread hands the previous one to the writers). A file's leg is staged with its rating, one row of
 * {@code rated_leg} holding both ({@link LegRows}), on several connections at once ({@link LegWriters}) that commit
 * just before the transaction holding the file's cases. New legs go in by COPY; a leg staged before (a re-sent or
 * corrected file) takes the idempotent upsert path, so nothing is counted twice. A file that fails leaves nothing
 * behind.
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
    private final RatingService rating;
    private final ExceptionQueue exceptions;
    private final Clock clock;
    private final RatedUsageStream stream;
    private final int lanes;

    public UsageFileIngest(DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate tx,
                           ActiveTelephonyReference reference, RatingService rating,
                           ExceptionQueue exceptions, Clock clock, UsageFileProperties properties) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
        this.reference = reference;
        this.rating = rating;
        this.exceptions = exceptions;
        this.clock = clock;
        this.stream = new RatedUsageStream(properties.chunkSize());
        this.lanes = properties.lanes();
    }

    /**
     * @param source   tenant/file name, for the cases of rejected lines
     * @param checksum the file's checksum: a rejected line's case is keyed by it and the line, so the same file
     *                 sent again under another name opens no second case
     */
    public Outcome ingest(String tenantId, String source, String checksum, InputStream content, String runId,
                          String correlationId) {
        ActiveTelephonyReference.Snapshot snapshot = reference.require();
        try (LegWriters writers = new LegWriters(dataSource, jdbc.getExceptionTranslator(), lanes)) {
            Outcome outcome = tx.execute(status -> {
                Instant now = clock.instant();
                Tally tally = new Tally();
                UsageFileReader.Totals totals = stream.run(content, tenantId, snapshot.rating(), work -> {
                    writers.write(work.legs(), work.rated(), runId, now);
                    exceptions.raiseAll(work.chunk().rejected().stream()
                            .map(rejected -> rejected.toCase(ExceptionType.MALFORMED_RECORD, PIPELINE, source)
                                    .run(runId, correlationId)
                                    .dedupeKey("usage-file|" + tenantId + "|" + checksum + "|"
                                            + rejected.position())
                                    .context("tenantId", tenantId)
                                    .context("fileChecksum", checksum)
                                    .build())
                            .toList());
                    tally.rated(rating.account(work.legs(), work.rated(), snapshot.versionId(), runId,
                            correlationId), work.rated());
                });
                // the legs commit before the cases and counts: a failure here rolls those back too, and a file
                // whose legs committed without them is taken again on the upsert path
                tally.staged(writers.commit());
                return new Outcome(totals.lines(), totals.legs(), totals.rejected(), tally.inserted, tally.updated,
                        tally.unchanged, tally.rated, tally.excluded, tally.unrated, tally.cost,
                        tally.unratedByReason, tally.days, tally.aggregation.daily(), snapshot.versionId());
            });
            PlannerStatistics.refreshAfterLoad(jdbc, outcome.inserted(), PlannerStatistics.Load.FILE_LEGS);
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
}
