package io.billinghub.benchmark;

import io.billinghub.cpm.CpmAggregation;
import io.billinghub.extraction.file.RatedUsageStream;
import io.billinghub.rating.RatingReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Contender (a), the hub: the legs file streamed through the hub's own reader and rater (the classes the usage file
 * intake runs) and summed for CPM in the same pass. No database.
 */
final class HubEngine {

    private HubEngine() {
    }

    static DailyTotals rate(Path legsFile, RatingReference reference, int chunkSize) throws IOException {
        try (InputStream in = Files.newInputStream(legsFile)) {
            CpmAggregation aggregation = new CpmAggregation();
            new RatedUsageStream(chunkSize).run(in, BenchmarkData.TENANT, reference,
                    chunk -> aggregation.add(chunk.rated()));
            return DailyTotals.of(aggregation.daily());
        }
    }
}
