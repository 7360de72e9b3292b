package io.billinghub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void aReferenceAmountReadsTheSameFromItsFileAndFromTheDatabase() {
        // ref_licence_price.monthly_cost is numeric(18,4): 95.00 in the file comes back as 95.0000
        assertThat(Decimals.display(new BigDecimal("95.00"))).isEqualTo("95.00");
        assertThat(Decimals.display(new BigDecimal("95.0000"))).isEqualTo("95.00");
        assertThat(Decimals.display(new BigDecimal("0.0150"))).isEqualTo("0.015");
        assertThat(Decimals.display(new BigDecimal("1E+2"))).isEqualTo("100.00");
    }

    @Test
    void readsExactlyWhatFitsTheColumn() {
        assertThat(Decimals.parse("charge", "0.0250", 12, 6)).isEqualTo(new BigDecimal("0.0250"));
        assertThat(Decimals.parse("charge", "1.69E-4", 12, 6)).isEqualTo(new BigDecimal("0.000169"));
        assertThat(Decimals.parse("charge", "1E+2", 12, 6)).isEqualTo(new BigDecimal("100"));
        // trailing zeros beyond the scale lose nothing
        assertThat(Decimals.parse("charge", "-0.50000000", 12, 6)).isEqualTo(new BigDecimal("-0.50000000"));
        assertThat(Decimals.parse("charge", "999999999999.999999", 12, 6)).isEqualByComparingTo("999999999999.999999");
    }

    @Test
    void refusesWhatTheColumnCannotKeep() {
        assertThatThrownBy(() -> Decimals.parse("charge", "1e400", 12, 6))
                .hasMessage("charge 1e400 has more than 12 digits before the decimal point");
        assertThatThrownBy(() -> Decimals.parse("charge", "0.0000001", 12, 6))
                .hasMessage("charge 0.0000001 has more than 6 decimals");
        assertThatThrownBy(() -> Decimals.parse("charge", "1E+2147483647", 12, 6))
                .hasMessageContaining("digits before the decimal point");
        assertThatThrownBy(() -> Decimals.parse("charge", "", 12, 6)).hasMessage("charge is empty");
        assertThatThrownBy(() -> Decimals.parse("charge", "0,40", 12, 6))
                .hasMessage("charge '0,40' is not a decimal number");
    }

    @Test
    void refusesAMegabyteOfDigitsBeforeParsingIt() {
        assertThatThrownBy(() -> Decimals.parse("charge", "1".repeat(1 << 20), 12, 6))
                .hasMessageEndingWith("is not a decimal number: 1048576 characters long");
    }
}
