package io.billinghub.badinput;

import java.util.Map;
import java.util.TreeMap;

/**
 * One input of the corpus: a format's good fixture with one named mutation applied, and what must come of it.
 *
 * @param mutation the class of mutation (a row of the README table)
 * @param files    the input: one file, or every file of a mapping set (name to content)
 * @param mutated  the name of the file the mutation changed
 */
record CorpusCase(Format format, String mutation, String name, Map<String, byte[]> files, String mutated,
                  Expected expected) {

    CorpusCase {
        files = new TreeMap<>(files);
    }

    static CorpusCase of(Format format, String mutation, String name, String fileName, byte[] content,
                         Expected expected) {
        return new CorpusCase(format, mutation, name, Map.of(fileName, content), fileName, expected);
    }

    byte[] content() {
        return files.get(mutated);
    }

    @Override
    public String toString() {
        return format + " " + mutation + ": " + name;
    }
}
