package io.billinghub.extraction.org;

import java.util.Optional;

/**
 * Where one resource's extraction is: the call to make next, and what each answer yields. A resource may take
 * several kinds of call before its records are complete (Genesys users: the user pages, then the licence pages,
 * then each user's custom attributes), so records may come with the last answer only.
 */
public interface OrgCursor {

    /** The next call, or empty when the resource is complete. */
    Optional<OrgRequest> next();

    /**
     * Takes the answer to {@link #next()} (status 200, or 404 when the request allowed it) and returns the records
     * it completes; moves the cursor on.
     */
    OrgPage accept(int status, String body);

    /** The 1-based number of the call {@link #next()} describes, for positions and messages. */
    int pageNumber();
}
