package io.billinghub.runs;

public enum RunStatus {
    RUNNING,
    SUCCEEDED,
    /** Finished, but some of its units went to the exception queue as dead letters. */
    COMPLETED_WITH_FAILURES,
    /** The run itself could not finish. */
    FAILED,
    /** Its node stopped (killed, crashed) while it ran; another node took the work over in a run of its own. */
    INTERRUPTED
}
