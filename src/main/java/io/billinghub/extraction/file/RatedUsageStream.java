package io.billinghub.extraction.file;

import io.billinghub.extraction.UsageLeg;
import io.billinghub.rating.CallRater;
import io.billinghub.rating.RatedLeg;
import io.billinghub.rating.RatingReference;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A usage file as a three-stage pipeline: one worker reads and parses chunks, a second rates them (the hub's prefix
 * index of the reference version in force, call by call), and the caller's thread takes each rated chunk (writes it,
 * sums it). At most one chunk waits between stages, so memory is flat whatever the file's size, and parsing, rating
 * and the database work at the same time.
 */
public final class RatedUsageStream {

    /** A chunk, its legs in call order ({@link CallRater#inCallOrder}) and their rated legs in the same order. */
    public record RatedChunk(UsageFileReader.Chunk chunk, List<UsageLeg> legs, List<RatedLeg> rated) {
    }

    private static final Object END = new Object();

    private final int chunkSize;

    public RatedUsageStream(int chunkSize) {
        this.chunkSize = chunkSize;
    }

    /** Streams the file through {@code taker} (on the calling thread) and returns what the file held. */
    public UsageFileReader.Totals run(InputStream content, String tenantId, RatingReference reference,
                                      Consumer<RatedChunk> taker) {
        // the stages' own threads: a shared pool short of two free threads would stall the pipeline
        ExecutorService workers = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "usage-file-stage");
            thread.setDaemon(true);
            return thread;
        });
        BlockingQueue<Object> parsed = new ArrayBlockingQueue<>(1);
        BlockingQueue<Object> rated = new ArrayBlockingQueue<>(1);
        Future<UsageFileReader.Totals> reading = workers.submit(() -> {
            try {
                return new UsageFileReader(chunkSize).read(content, tenantId, chunk -> put(parsed, chunk));
            } finally {
                put(parsed, END);
            }
        });
        Future<?> rating = workers.submit(() -> {
            CallRater rater = new CallRater();
            try {
                for (Object next = parsed.take(); next != END; next = parsed.take()) {
                    UsageFileReader.Chunk chunk = (UsageFileReader.Chunk) next;
                    List<UsageLeg> legs = CallRater.inCallOrder(chunk.legs());
                    put(rated, new RatedChunk(chunk, legs, rater.rate(legs, reference)));
                }
            } finally {
                put(rated, END);
            }
            return null;
        });
        try {
            for (Object next = rated.take(); next != END; next = rated.take()) {
                taker.accept((RatedChunk) next);
            }
            rating.get();
            return reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking the usage file", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("the usage file could not be read", e.getCause());
        } finally {
            // when a stage failed, stop the others, which may be waiting for room in a queue
            workers.shutdownNow();
        }
    }

    private static void put(BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("usage file reading was cancelled", e);
        }
    }
}
