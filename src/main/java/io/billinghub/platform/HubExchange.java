package io.billinghub.platform;

/**
 * Names of the exchange properties routes share. Routing context lives in exchange properties (not headers)
 * because a dead-letter channel with useOriginalMessage restores the original headers but keeps properties:
 * everything named {@code hub*} is stored with a dead letter and restored on replay.
 */
public final class HubExchange {

    public static final String PREFIX = "hub";
    public static final String CORRELATION_ID = "hubCorrelationId";
    public static final String RUN_ID = "hubRunId";
    public static final String PIPELINE = "hubPipeline";
    public static final String TRIGGER = "hubTrigger";
    public static final String PERIOD = "hubPeriod";
    /** Whether a period run closes the period to the ERP. */
    public static final String CLOSE = "hubClose";
    /** Whether a period run extracts from the vendor first (false: recompute from what is staged). */
    public static final String EXTRACT = "hubExtract";
    /** Whether a period run deletes the vendor's completed reports of the period and generates them again. */
    public static final String REGENERATE = "hubRegenerate";
    /** Who dropped a file: the carrier id, or the CXone tenant id. */
    public static final String SOURCE_ID = "hubSourceId";
    public static final String FILE_CHECKSUM = "hubFileChecksum";
    /** Where the file consumer moves the file when done: "done" or "error" (set by the dead-letter recorder). */
    public static final String FILE_OUTCOME = "hubFileOutcome";
    /** The name the file consumer moves the file under: its own, or a stand-in when the name was refused. */
    public static final String FILE_MOVE_NAME = "hubFileMoveName";
    public static final String SOURCE = "hubSource";
    public static final String SOURCE_POSITION = "hubSourcePosition";
    /** The route that started the run: it finishes the run, and its failure fails it. */
    public static final String RUN_OWNER = "hubRunOwner";
    /** The exception-queue type a route's dead letters get (default DEAD_LETTER). */
    public static final String FAILURE_TYPE = "hubFailureType";
    /** Set on a replayed exchange: the case being replayed. */
    public static final String REPLAY_OF = "hubReplayOf";
    /** Set by the dead-letter recorder: the case it opened. */
    public static final String EXCEPTION_ID = "hubExceptionId";

    private HubExchange() {
    }
}
