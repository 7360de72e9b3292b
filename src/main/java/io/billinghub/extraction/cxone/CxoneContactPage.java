package io.billinghub.extraction.cxone;

import io.billinghub.exceptions.RejectedRecord;
import java.util.List;

/**
 * One page of NICE's published completed contacts, mapped to canonical lines.
 *
 * @param contacts the contacts the page held (a phone contact gives up to two lines: its IVR time and its call)
 * @param notPhone the page's contacts of another media type, which carry no telephony usage and give no line
 * @param next     the page's {@code _links.next} URL, or null when it has none
 */
public record CxoneContactPage(List<CxoneUsageLine> lines, List<RejectedRecord> rejected, int contacts,
                               int notPhone, String next) {

    /** Lines and rejected contacts: what the staging tally balances. */
    public int recordsIn() {
        return lines.size() + rejected.size();
    }
}
