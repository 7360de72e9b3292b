package io.billinghub.referencedata;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One loaded (or rejected) version of a reference-data set, with its checksum, who loaded it ({@code billing-hub}
 * when the hub found the change itself) and which of its files differ from the version that was in force before.
 */
public record ReferenceVersion(
        long id,
        String dataset,
        String checksum,
        String status,
        JsonNode files,
        JsonNode errors,
        Instant loadedAt,
        Instant activatedAt,
        Instant supersededAt,
        String loadedBy,
        Changes changes) {

    /** File names added, changed (another checksum) and removed against the previous accepted version. */
    public record Changes(Long comparedWith, List<String> added, List<String> changed, List<String> removed) {

        /** @param before the files (name → checksum) of the version in force before, null for the first one */
        static Changes between(Long previousId, JsonNode before, JsonNode after) {
            List<String> added = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> file = it.next();
                JsonNode old = before == null ? null : before.get(file.getKey());
                if (old == null) {
                    added.add(file.getKey());
                } else if (!old.asText().equals(file.getValue().asText())) {
                    changed.add(file.getKey());
                }
            }
            if (before != null) {
                before.fieldNames().forEachRemaining(name -> {
                    if (!after.has(name)) {
                        removed.add(name);
                    }
                });
            }
            return new Changes(previousId, added, changed, removed);
        }
    }
}
