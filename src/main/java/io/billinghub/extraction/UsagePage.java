package io.billinghub.extraction;

import io.billinghub.exceptions.RejectedRecord;
import java.util.List;

/** One page of a vendor's usage answer, mapped. recordsIn = legs + rejected. */
public record UsagePage(int pageNumber, int pageCount, List<UsageLeg> legs, List<RejectedRecord> rejected) {

    public int recordsIn() {
        return legs.size() + rejected.size();
    }

    public boolean hasMore() {
        return pageNumber < pageCount;
    }
}
