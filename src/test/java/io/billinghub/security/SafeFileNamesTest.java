package io.billinghub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SafeFileNamesTest {

    @Test
    void plainNamesPassAsTheyAre() {
        for (String name : new String[] {"bandwidth-2026-10.csv", "INV CX 2026-10.csv", ".part-x.csv", "a.b.c",
            "{{hub.erp.auth-token}}-${sys:user.home}.csv", "Invoice_Oct (final).edi"}) {
            assertThat(SafeFileNames.problem(name)).as(name).isEmpty();
            assertThat(SafeFileNames.require(name)).isEqualTo(name);
        }
    }

    @Test
    void namesThatCouldLeaveTheirFolderAreRefused() {
        assertThat(SafeFileNames.problem("../x.csv")).hasValue("the file name contains a path separator");
        assertThat(SafeFileNames.problem("..\\..\\x.csv")).hasValue("the file name contains a path separator");
        assertThat(SafeFileNames.problem("/etc/passwd")).hasValue("the file name contains a path separator");
        assertThat(SafeFileNames.problem("..evil.csv")).hasValue("the file name contains '..' or is '.'");
        assertThat(SafeFileNames.problem("a..b.csv")).hasValue("the file name contains '..' or is '.'");
        assertThat(SafeFileNames.problem(".")).hasValue("the file name contains '..' or is '.'");
        assertThat(SafeFileNames.problem("C:evil.csv")).hasValue("the file name starts with a drive letter");
        assertThat(SafeFileNames.problem("bell\u0007.csv"))
                .hasValue("the file name contains the control character U+0007");
        // right-to-left override: "invoice\u202Evsc.exe" reads as invoiceexe.csv
        assertThat(SafeFileNames.problem("invoice\u202Evsc.exe"))
                .hasValue("the file name contains the control character U+202E");
        assertThat(SafeFileNames.problem("")).hasValue("the file name is empty");
        assertThat(SafeFileNames.problem(null)).hasValue("the file name is empty");
    }

    @Test
    void aRefusedNameSaysWhyAndShowsItsControlCharacters() {
        assertThatThrownBy(() -> SafeFileNames.require("../../etc/passwd"))
                .isInstanceOf(SafeFileNames.UnsafeFileNameException.class)
                .hasMessage("the file name contains a path separator: '../../etc/passwd' refused");
        assertThatThrownBy(() -> SafeFileNames.require("a\nb.csv"))
                .hasMessage("the file name contains the control character U+000A: 'a\\u000Ab.csv' refused");
    }

    @Test
    void aStandInKeepsOnlyHarmlessCharacters() {
        assertThat(SafeFileNames.standIn("..\\..\\x.csv")).isEqualTo("refused-______x.csv");
        assertThat(SafeFileNames.standIn("C:evil\u0007.csv")).isEqualTo("refused-C_evil_.csv");
        assertThat(SafeFileNames.standIn("...")).isEqualTo("refused-__.");
        assertThat(SafeFileNames.problem(SafeFileNames.standIn("..\\..\\x.csv"))).isEqualTo(Optional.empty());
    }
}
