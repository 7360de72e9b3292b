package io.billinghub.runs;

import java.util.Map;

/**
 * What one phase read and did with it. {@code in = accepted + rejected} always holds; the constructor refuses
 * counts that do not balance, so a lost record is a bug that fails loudly.
 *
 * @param inputPhase whether these counts are the run's own input counts (extraction, file ingest), as opposed to
 *                   a later phase re-processing records the run already counted
 */
public record PhaseCounts(String phase, long in, long accepted, long rejected, Map<String, Object> details,
                          boolean inputPhase) {

    public PhaseCounts {
        if (in != accepted + rejected) {
            throw new IllegalStateException("phase " + phase + " does not balance: in " + in + " != accepted "
                    + accepted + " + rejected " + rejected);
        }
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static PhaseCounts input(String phase, long in, long accepted, long rejected, Map<String, Object> details) {
        return new PhaseCounts(phase, in, accepted, rejected, details, true);
    }

    public static PhaseCounts step(String phase, long in, long accepted, long rejected, Map<String, Object> details) {
        return new PhaseCounts(phase, in, accepted, rejected, details, false);
    }
}
