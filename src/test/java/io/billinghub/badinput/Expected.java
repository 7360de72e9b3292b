package io.billinghub.badinput;

import java.util.List;

/** What must come of one corpus input, as the generator states it from the mutation it applied. */
sealed interface Expected permits Expected.Records, Expected.Whole, Expected.SetRejected {

    /** The records the input holds (for one refused whole: those it would have held). */
    int recordsIn();

    int accepted();

    /** How the README table words the outcome. */
    String outcome(Format format);

    /** Every record is read: the good ones are accepted, each bad one is rejected with its position and text. */
    record Records(int recordsIn, List<Rejection> rejected) implements Expected {

        public Records {
            rejected = List.copyOf(rejected);
        }

        static Records allGood(int recordsIn) {
            return new Records(recordsIn, List.of());
        }

        @Override
        public int accepted() {
            return recordsIn - rejected.size();
        }

        @Override
        public String outcome(Format format) {
            if (!rejected.isEmpty()) {
                String position = rejected.get(0).position();
                return "rejected with " + (format.json() ? "position" : position.substring(0, position.indexOf(' ')))
                        + " and text";
            }
            if (format.mappingSet()) {
                return "set accepted";
            }
            return recordsIn == 0 ? "taken, no records" : "accepted";
        }
    }

    /** The file, report or page is refused as a whole, at {@code position} (null where the format names none). */
    record Whole(int recordsIn, String position) implements Expected {

        @Override
        public int accepted() {
            return 0;
        }

        @Override
        public String outcome(Format format) {
            return format.whole() + " rejected whole";
        }
    }

    /** A mapping set rejected whole with an error at each of {@code errors} ("rate-cards.csv:8", line 0: none). */
    record SetRejected(int recordsIn, List<String> errors) implements Expected {

        public SetRejected {
            errors = List.copyOf(errors);
        }

        @Override
        public int accepted() {
            return 0;
        }

        @Override
        public String outcome(Format format) {
            return "set rejected, previous version active";
        }
    }

    /**
     * A record rejected at {@code position} whose original text is {@code raw}, with a reason naming
     * {@code mentions} (null: any reason).
     */
    record Rejection(String position, String raw, String mentions) {
    }
}
