package io.billinghub.extraction.cxone;

import io.billinghub.extraction.RejectedUsageRecord;
import java.util.List;

/** One page of report data, mapped; recordsIn = lines + rejected. */
public record CxoneReportPage(List<CxoneUsageLine> lines, List<RejectedUsageRecord> rejected, String nextPageToken) {

    public int recordsIn() {
        return lines.size() + rejected.size();
    }
}
