package io.billinghub.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReferenceVersionChangesTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode files(String text) throws Exception {
        return json.readTree(text.replace('\'', '"'));
    }

    @Test
    void theFirstVersionAddsEveryFile() throws Exception {
        ReferenceVersion.Changes changes = ReferenceVersion.Changes.between(null, null,
                files("{'carriers.csv': 'a1', 'rate-cards.csv': 'b1'}"));
        assertThat(changes.comparedWith()).isNull();
        assertThat(changes.added()).containsExactly("carriers.csv", "rate-cards.csv");
        assertThat(changes.changed()).isEmpty();
        assertThat(changes.removed()).isEmpty();
    }

    @Test
    void aFileIsChangedWhenItsChecksumIsAnother() throws Exception {
        ReferenceVersion.Changes changes = ReferenceVersion.Changes.between(7L,
                files("{'carriers.csv': 'a1', 'rate-cards.csv': 'b1', 'gl.csv': 'c1'}"),
                files("{'carriers.csv': 'a1', 'rate-cards.csv': 'b2', 'holidays.csv': 'd1'}"));
        assertThat(changes.comparedWith()).isEqualTo(7L);
        assertThat(changes.added()).containsExactly("holidays.csv");
        assertThat(changes.changed()).containsExactly("rate-cards.csv");
        assertThat(changes.removed()).containsExactly("gl.csv");
    }
}
