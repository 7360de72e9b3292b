package io.billinghub.platform;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The rows of an append-only table (chargeback_override, audit_event) each carry a hash of their content and of
 * the row before them. Where the chain no longer holds, a row was changed, removed or inserted out of order by
 * someone who lifted the database triggers.
 */
public final class HashChain {

    /** The previous hash of the first row. */
    public static final String GENESIS = "genesis";

    /** The first row where the chain breaks, and why. */
    public record Break(long rowId, String reason) {
    }

    private HashChain() {
    }

    /**
     * @param rows        in the order they were written
     * @param contentHash the hash recomputed from the row's stored content (its previous hash included)
     */
    public static <T> Optional<Break> check(List<T> rows, ToLongFunction<T> id, Function<T, String> previousHash,
                                            Function<T, String> storedHash, Function<T, String> contentHash) {
        String previous = GENESIS;
        for (T row : rows) {
            if (!previousHash.apply(row).equals(previous)) {
                return Optional.of(new Break(id.applyAsLong(row), "previous hash does not match the row before it:"
                        + " a row was removed or inserted out of order"));
            }
            if (!contentHash.apply(row).equals(storedHash.apply(row))) {
                return Optional.of(new Break(id.applyAsLong(row), "hash does not match the row's content: the row"
                        + " was changed after it was written"));
            }
            previous = storedHash.apply(row);
        }
        return Optional.empty();
    }
}
