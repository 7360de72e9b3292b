package io.billinghub.extraction.file;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Usage file intake: how many legs are read, rated and written together (a call's legs are never split), and on how
 * many connections a chunk's legs are written at once.
 */
@ConfigurationProperties("hub.usage-files")
public record UsageFileProperties(int chunkSize, @DefaultValue("2") int lanes) {

    public UsageFileProperties {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("hub.usage-files.chunk-size must be at least 1, was " + chunkSize);
        }
        if (lanes < 1) {
            throw new IllegalArgumentException("hub.usage-files.lanes must be at least 1, was " + lanes);
        }
    }
}
