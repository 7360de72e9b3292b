package io.billinghub.extraction.file;

import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.extraction.UsageLeg;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
        BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 16);
        long lineNo = 0;
        long lines = 0;
        long legs = 0;
        long rejected = 0;
        try {
            String header = null;
            while (header == null) {
                String line = reader.readLine();
                lineNo++;
                if (line == null) {
                    throw new InvalidUsageFileException("the file is empty: it has no header line");
                }
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                header = line.isBlank() ? null : line;
            }
            UsageFileFormat format;
            try {
                format = UsageFileFormat.fromHeader(header);
            } catch (IllegalArgumentException e) {
                throw new InvalidUsageFileException(e.getMessage());
            }
            List<UsageLeg> chunk = new ArrayList<>(chunkSize + 16);
            List<RejectedRecord> chunkRejected = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                lines++;
                UsageLeg leg;
                try {
                    leg = format.leg(line, tenantId);
                } catch (UsageFileFormat.RejectedLine e) {
                    chunkRejected.add(new RejectedRecord("line " + lineNo, e.getMessage(), line));
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
        } catch (CharacterCodingException e) {
            throw new InvalidUsageFileException("line " + (lineNo + 1) + " is not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidUsageFileException("the file could not be read: " + e.getMessage());
        }
    }
}
