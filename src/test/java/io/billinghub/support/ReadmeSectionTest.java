package io.billinghub.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeSectionTest {

    private static final List<String> TABLE = ReadmeSection.table(List.of("Fault", "Outcome"),
            List.of(List.of("ERP 503", "posted once"), List.of("429 storm", "complete")));

    @TempDir
    Path dir;

    @AfterEach
    void noUpdate() {
        System.clearProperty(ReadmeSection.UPDATE_PROPERTY);
    }

    @Test
    void aTableIsOneLinePerRowUnderItsHeader() {
        assertThat(TABLE).containsExactly("| Fault | Outcome |", "| --- | --- |", "| ERP 503 | posted once |",
                "| 429 storm | complete |");
        assertThat(ReadmeSection.cells(TABLE.get(2))).containsExactly("ERP 503", "posted once");
    }

    @Test
    void aSectionThatDiffersFailsWithTheLinesThatDifferAndIsLeftAlone() throws Exception {
        Path readme = readme("| Fault | Outcome |\n| --- | --- |\n| ERP 503 | posted twice |\n");
        ReadmeSection section = new ReadmeSection(readme, "faults");

        assertThatThrownBy(() -> section.verify(TABLE)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("- | ERP 503 | posted twice |")
                .hasMessageContaining("+ | ERP 503 | posted once |")
                .hasMessageContaining("+ | 429 storm | complete |");
        assertThat(section.lines()).containsExactly("| Fault | Outcome |", "| --- | --- |",
                "| ERP 503 | posted twice |");
    }

    @Test
    void askedToUpdateItRewritesOnlyTheSection() throws Exception {
        Path readme = readme("");
        System.setProperty(ReadmeSection.UPDATE_PROPERTY, "true");

        new ReadmeSection(readme, "faults").verify(TABLE);

        assertThat(Files.readString(readme)).isEqualTo("# Title\n\n<!-- faults:begin -->\n" + String.join("\n", TABLE)
                + "\n<!-- faults:end -->\n\nAfter.\n");
        // now current: verifying again passes without the property
        System.clearProperty(ReadmeSection.UPDATE_PROPERTY);
        new ReadmeSection(readme, "faults").verify(TABLE);
    }

    private Path readme(String section) throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# Title\n\n<!-- faults:begin -->\n" + section + "<!-- faults:end -->\n\nAfter.\n");
        return readme;
    }
}
