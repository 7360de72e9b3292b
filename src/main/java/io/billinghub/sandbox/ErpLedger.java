package io.billinghub.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the sandbox ERP has received, in memory, keyed by Idempotency-Key so a retried post is stored once. */
public final class ErpLedger {

    public record Receipt(String receiptId, String idempotencyKey, boolean duplicate) {
    }

    /** One stored post; payload is the request body exactly as received. */
    public record Charge(String receiptId, String idempotencyKey, Instant receivedAt, String payload) {
    }

    private final Clock clock;
    private final Map<String, Charge> byKey = new LinkedHashMap<>();

    public ErpLedger(Clock clock) {
        this.clock = clock;
    }

    /**
     * Stores the payload under a new key and returns a new receipt; for a key seen before, stores nothing and
     * returns the original receipt marked duplicate.
     */
    public synchronized Receipt record(String idempotencyKey, String payload) {
        Charge existing = byKey.get(idempotencyKey);
        if (existing != null) {
            return new Receipt(existing.receiptId(), idempotencyKey, true);
        }
        String receiptId = String.format("rcpt-%06d", byKey.size() + 1);
        byKey.put(idempotencyKey, new Charge(receiptId, idempotencyKey, clock.instant(), payload));
        return new Receipt(receiptId, idempotencyKey, false);
    }

    /** Every stored post, oldest first. */
    public synchronized List<Charge> charges() {
        return List.copyOf(byKey.values());
    }

    /** Forgets everything received. */
    public synchronized void reset() {
        byKey.clear();
    }
}
