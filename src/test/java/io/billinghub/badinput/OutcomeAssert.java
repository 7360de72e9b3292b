package io.billinghub.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.referencedata.ValidationError;
import java.util.List;
import java.util.Locale;

/** Checks what a parser made of a corpus input against what the generator stated. */
final class OutcomeAssert {

    /** A reason is read by finance in a list of cases: the original text is in the payload, not in the reason. */
    static final int MAX_REASON = 1_000;

    private OutcomeAssert() {
    }

    static void check(CorpusCase input, Observed observed) {
        String what = input + " gave " + abbreviate(observed.toString());
        Expected expected = input.expected();
        if (expected instanceof Expected.Records records) {
            assertThat(observed).as(what).isInstanceOf(Observed.Records.class);
            records(input, records, (Observed.Records) observed, what);
        } else if (expected instanceof Expected.Whole whole) {
            assertThat(observed).as(what).isInstanceOf(Observed.Whole.class);
            Observed.Whole got = (Observed.Whole) observed;
            assertThat(got.position()).as(what).isEqualTo(whole.position());
            reason(got.reason(), null, what);
        } else {
            assertThat(observed).as(what).isInstanceOf(Observed.SetRejected.class);
            List<ValidationError> errors = ((Observed.SetRejected) observed).errors();
            assertThat(errors.stream().map(e -> e.file() + ":" + e.line()).distinct().sorted().toList()).as(what)
                    .isEqualTo(((Expected.SetRejected) expected).errors().stream().sorted().toList());
            errors.forEach(e -> reason(e.reason(), null, what));
        }
    }

    private static void records(CorpusCase input, Expected.Records expected, Observed.Records got, String what) {
        assertThat(got.recordsIn()).as("records in: " + what).isEqualTo(expected.recordsIn());
        assertThat(got.accepted()).as("accepted: " + what).isEqualTo(expected.accepted());
        assertThat(got.recordsIn()).as("in = accepted + rejected: " + what)
                .isEqualTo(got.accepted() + got.rejected().size());
        assertThat(got.rejected()).as("rejected: " + what).hasSameSizeAs(expected.rejected());
        for (int i = 0; i < got.rejected().size(); i++) {
            RejectedRecord record = got.rejected().get(i);
            Expected.Rejection rejection = expected.rejected().get(i);
            assertThat(record.position()).as("position: " + what).isEqualTo(rejection.position());
            if (input.format().json()) {
                assertThat(JsonCorpus.read(record.raw())).as("original record: " + what)
                        .isEqualTo(JsonCorpus.read(rejection.raw()));
            } else {
                assertThat(record.raw()).as("original text: " + what).isEqualTo(rejection.raw());
            }
            reason(record.reason(), rejection.mentions(), what);
        }
    }

    private static void reason(String reason, String mentions, String what) {
        assertThat(reason).as("reason: " + what).isNotBlank().hasSizeLessThan(MAX_REASON);
        if (mentions != null) {
            assertThat(reason.toLowerCase(Locale.ROOT)).as("reason: " + what)
                    .contains(mentions.toLowerCase(Locale.ROOT));
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "… (" + text.length() + " characters)";
    }
}
