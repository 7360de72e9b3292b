package io.billinghub.exceptions;

import io.billinghub.platform.Reasons;
import java.nio.charset.StandardCharsets;

/**
 * An input record that could not be accepted (a usage record, an invoice line or segment), kept with where it was,
 * why, and what it said.
 */
public record RejectedRecord(String position, String reason, String raw) {

    public RejectedRecord {
        reason = Reasons.shorten(reason);
    }

    /** Its case in the exception queue: the reason, the source and position, and the original text as payload. */
    public NewException.Builder toCase(ExceptionType type, String pipeline, String source) {
        return NewException.of(type, reason).pipeline(pipeline).source(source, position)
                .payload(raw.getBytes(StandardCharsets.UTF_8), "text");
    }
}
