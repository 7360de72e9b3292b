package io.billinghub.sandbox.org;

import io.billinghub.extraction.org.OrgRecord;
import java.time.Instant;

/**
 * What the vendor's directory said about a user from {@code validFrom} on, until the user's next version. The first
 * version of a user is its creation; attributes use the vendor's own keys (CXone: "Cost Center Code").
 */
public record UserVersion(Instant validFrom, OrgRecord.User user) {
}
