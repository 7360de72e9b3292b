package io.billinghub.extraction.cxone;

import io.billinghub.exceptions.RejectedRecord;
import java.util.List;

/**
 * One page of NICE's published completed contacts, mapped to canonical lines.
 *
 * @param contacts the contacts the page held (a contact gives up to two lines: its IVR time and its call)
 * @param next     the page's {@code _links.next} URL, or null when it has none
 */
public record CxoneContactPage(List<CxoneUsageLine> lines, List<RejectedRecord> rejected, int contacts,
                               String next) {

    /** Lines and rejected contacts: what the staging tally balances. */
    public int recordsIn() {
        return lines.size() + rejected.size();
    }
}
