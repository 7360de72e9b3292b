package io.billinghub.badinput;

import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.referencedata.ValidationError;
import java.util.List;

/** What a parser made of one corpus input: nothing else than one of these may come out of it. */
sealed interface Observed permits Observed.Records, Observed.Whole, Observed.SetRejected {

    /** Records read: {@code accepted} of them taken, the others rejected with their position, reason and text. */
    record Records(int recordsIn, int accepted, List<RejectedRecord> rejected) implements Observed {
    }

    /** Refused as a whole with the parser's declared exception. */
    record Whole(String position, String reason) implements Observed {
    }

    /** A mapping set rejected with its errors. */
    record SetRejected(List<ValidationError> errors) implements Observed {
    }
}
