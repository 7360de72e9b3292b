package io.billinghub.referencedata;

import java.util.List;
import java.util.Map;

/**
 * One set of mapping files that is validated, versioned and activated together. A set is rejected whole when any
 * of its files has an error; other sets are not affected.
 *
 * @param <T> the parsed, valid content of the set
 */
public interface ReferenceDataset<T> {

    /** The set's name, as recorded with its versions. */
    String name();

    /** The file names of the set, in the mapping directory. */
    List<String> files();

    /** Parses and validates the files (missing ones are absent from the map); returns null when errors were added. */
    T parse(Map<String, byte[]> files, List<ValidationError> errors);

    /** Writes a new version's rows (inside the activating transaction). */
    void store(long versionId, T data);

    /** Reads a stored version back, e.g. the version in force at start. */
    T load(long versionId);

    /** Makes a version the one in force in memory. */
    void activate(long versionId, T data);

    /** Row counts for the log line of an activation. */
    Map<String, Integer> rowCounts(T data);
}
