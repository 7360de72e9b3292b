package io.billinghub.referencedata;

import java.util.Optional;

/**
 * The version of a reference set in force, swapped atomically when a new version is activated, so a pass that
 * reads it once sees one version from start to end.
 *
 * @param <S> the activated version with whatever is built from it (indexes, calendars)
 */
public abstract class ActiveReference<S> {

    private final String setName;
    private volatile S current;

    protected ActiveReference(String setName) {
        this.setName = setName;
    }

    public Optional<S> current() {
        return Optional.ofNullable(current);
    }

    /** The version in force; fails clearly when no valid version of the set has ever been loaded. */
    public S require() {
        S snapshot = current;
        if (snapshot == null) {
            throw new IllegalStateException("no valid " + setName + " reference data is loaded: fix its files in"
                    + " the mapping directory (see the REFERENCE_DATA_REJECTED case in the exception queue)");
        }
        return snapshot;
    }

    protected void set(S snapshot) {
        this.current = snapshot;
    }
}
