package io.billinghub.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.billinghub.support.ReadmeSection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every input of the generated corpus through its parser, as the hub reads it: good records are accepted, each bad
 * one is rejected with its position, a reason and its original text, an input that cannot be read is refused whole
 * with the parser's declared exception, and records in = accepted + rejected. Then the README table of bad input
 * must be what these cases gave ({@code -Dhub.readme.update=true} rewrites it).
 */
class BadInputCorpusTest {

    @TestFactory
    Stream<DynamicTest> everyInputGivesTheOutcomeItsMutationStates() {
        List<CorpusCase> corpus = Corpus.all();
        BadInputTable table = new BadInputTable();
        Stream<DynamicTest> cases = corpus.stream().map(input -> dynamicTest(input.toString(), () -> {
            Observed observed = FormatReaders.read(input);
            OutcomeAssert.check(input, observed);
            table.add(input, observed);
        }));
        return Stream.concat(cases, Stream.of(dynamicTest("the README table of bad input", () -> {
            assertThat(table.cases()).as("cases that gave their stated outcome").isEqualTo(corpus.size());
            ReadmeSection.of(BadInputTable.SECTION).verify(table.lines());
        })));
    }
}
