package io.billinghub.extraction.file;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Usage file intake: how many legs are read, rated and written together (a call's legs are never split). */
@ConfigurationProperties("hub.usage-files")
public record UsageFileProperties(int chunkSize) {

    public UsageFileProperties {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("hub.usage-files.chunk-size must be at least 1, was " + chunkSize);
        }
    }
}
