package io.billinghub.extraction.cxone;

import io.billinghub.exceptions.RejectedRecord;
import java.util.List;

/** One page of report data, mapped; recordsIn = lines + rejected. */
public record CxoneReportPage(List<CxoneUsageLine> lines, List<RejectedRecord> rejected, String nextPageToken) {

    public int recordsIn() {
        return lines.size() + rejected.size();
    }
}
