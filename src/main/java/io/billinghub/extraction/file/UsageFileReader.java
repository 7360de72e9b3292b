package io.billinghub.extraction.file;

import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.extraction.UsageLeg;
import io.billinghub.platform.Utf8Lines;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Streams a usage file in chunks of about {@code chunkSize} legs, each cut where a call ends so that a call's legs
 * are rated together. Memory holds one chunk, whatever the file's size. Every data line ends up in a chunk as a leg
 * or as a rejected record (position "line N", the header being line 1), so lines = legs + rejected.
 */
public final class UsageFileReader {

    /** Legs in file order and the lines of the same stretch that are not legs. */
    public record Chunk(List<UsageLeg> legs, List<RejectedRecord> rejected) {
    }

    /** What the whole file held. */
    public record Totals(long lines, long legs, long rejected) {
    }

    private final int chunkSize;

    public UsageFileReader(int chunkSize) {
        this.chunkSize = chunkSize;
    }

    /**
     * @throws InvalidUsageFileException when the file as a whole cannot be read (not UTF-8, no header, a header
     *                                   without the required columns)
     */
    public Totals read(InputStream content, String tenantId, Consumer<Chunk> sink) {
        Utf8Lines reader = new Utf8Lines(content);
        long lines = 0;
        long legs = 0;
        long rejected = 0;
        try {
            String header = reader.next();
            while (header != null && header.isBlank()) {
                header = reader.next();
            }
            if (header == null) {
                throw new InvalidUsageFileException("the file is empty: it has no header line");
            }
            UsageFileFormat format;
            try {
                format = UsageFileFormat.fromHeader(header);
            } catch (IllegalArgumentException e) {
                throw new InvalidUsageFileException(e.getMessage());
            }
            List<UsageLeg> chunk = new ArrayList<>(chunkSize + 16);
            List<RejectedRecord> chunkRejected = new ArrayList<>();
            for (String line = reader.next(); line != null; line = reader.next()) {
                if (line.isBlank()) {
                    continue;
                }
                lines++;
                UsageLeg leg;
                try {
                    leg = format.leg(line, tenantId);
                } catch (UsageFileFormat.RejectedLine e) {
                    chunkRejected.add(new RejectedRecord("line " + reader.line(), e.getMessage(), line));
                    rejected++;
                    continue;
                }
                if (chunk.size() >= chunkSize && !Objects.equals(chunk.get(chunk.size() - 1).callId(), leg.callId())) {
                    sink.accept(new Chunk(chunk, chunkRejected));
                    chunk = new ArrayList<>(chunkSize + 16);
                    chunkRejected = new ArrayList<>();
                }
                chunk.add(leg);
                legs++;
            }
            if (!chunk.isEmpty() || !chunkRejected.isEmpty()) {
                sink.accept(new Chunk(chunk, chunkRejected));
            }
            return new Totals(lines, legs, rejected);
        } catch (Utf8Lines.NotText e) {
            throw new InvalidUsageFileException("line " + e.line() + " is not UTF-8 text: " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidUsageFileException("the file could not be read: " + e.getMessage());
        }
    }
}
