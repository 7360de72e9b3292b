package io.billinghub.extraction.org;

import io.billinghub.exceptions.RejectedRecord;
import java.util.List;
import java.util.Optional;

/**
 * One page of a resource: the records accepted, the ones rejected (with their position and original text), and the
 * URI of the next page when there is one.
 */
public record OrgPage(List<OrgRecord> records, List<RejectedRecord> rejected, Optional<String> nextUri) {

    public OrgPage {
        records = List.copyOf(records);
        rejected = List.copyOf(rejected);
    }
}
