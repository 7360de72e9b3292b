package io.billinghub.runs;

public enum RunStatus {
    RUNNING,
    SUCCEEDED,
    /** Finished, but some of its units went to the exception queue as dead letters. */
    COMPLETED_WITH_FAILURES,
    /** The run itself could not finish. */
    FAILED
}
