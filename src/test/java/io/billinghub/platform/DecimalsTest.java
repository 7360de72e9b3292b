package io.billinghub.platform;

import static org.assertj.core.api.Assertions.assertThat;

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
}
