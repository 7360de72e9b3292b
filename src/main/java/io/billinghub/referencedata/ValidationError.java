package io.billinghub.referencedata;

import io.billinghub.platform.Reasons;

/** One reason a reference-data set is rejected: the file, the line (1 = header) and what is wrong. */
public record ValidationError(String file, int line, String reason) {

    public ValidationError {
        reason = Reasons.shorten(reason);
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + reason;
    }
}
