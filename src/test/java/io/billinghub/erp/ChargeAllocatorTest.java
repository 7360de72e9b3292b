package io.billinghub.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ChargeAllocatorTest {

    private final ChargeAllocator allocator = new ChargeAllocator();

    private static ChargeKey key(String carrier) {
        return new ChargeKey("6100-1000", "CC-TEL", carrier, "US");
    }

    private static ChargeAllocator.Unrounded amount(String value) {
        return new ChargeAllocator.Unrounded(new BigDecimal(value), BigDecimal.ONE, 1);
    }

    @Test
    void linesAddUpExactlyToTheRoundedTotal() {
        // 0.3333 + 0.3333 + 0.3334 = 1.0000 -> total 1.00. Floors 0.33 + 0.33 + 0.33 = 0.99: one cent left,
        // remainders 0.0033, 0.0033, 0.0034 -> the cent goes to C. Rounding each line would give 0.99.
        TreeMap<ChargeKey, ChargeAllocator.Unrounded> charges = new TreeMap<>();
        charges.put(key("A"), amount("0.3333"));
        charges.put(key("B"), amount("0.3333"));
        charges.put(key("C"), amount("0.3334"));
        assertThat(allocator.allocate(charges)).extracting(l -> l.amount().toPlainString())
                .containsExactly("0.33", "0.33", "0.34");
    }

    @Test
    void tiedRemaindersGoInKeyOrder() {
        // 0.005 × 3 = 0.015 -> total 0.02 (HALF_UP). Floors 0.00 × 3: two cents left, all remainders 0.005 ->
        // A and B get them.
        TreeMap<ChargeKey, ChargeAllocator.Unrounded> charges = new TreeMap<>();
        charges.put(key("C"), amount("0.005"));
        charges.put(key("A"), amount("0.005"));
        charges.put(key("B"), amount("0.005"));
        assertThat(allocator.allocate(charges)).extracting(l -> l.key().dimensionA() + "=" + l.amount())
                .containsExactly("A=0.01", "B=0.01", "C=0.00");
    }

    @Test
    void deltaPostsOnlyWhatChanged() {
        ChargeLine postedA = new ChargeLine(key("A"), new BigDecimal("10.00"), new BigDecimal("100"), 10);
        ChargeLine postedB = new ChargeLine(key("B"), new BigDecimal("5.00"), new BigDecimal("50"), 5);
        ChargeLine nowA = new ChargeLine(key("A"), new BigDecimal("10.00"), new BigDecimal("100"), 10);
        ChargeLine nowB = new ChargeLine(key("B"), new BigDecimal("5.25"), new BigDecimal("52"), 6);
        ChargeLine nowC = new ChargeLine(key("C"), new BigDecimal("1.10"), new BigDecimal("7"), 1);
        // A unchanged (left out), B +0.25 / +2 min / +1 leg, C new
        assertThat(allocator.delta(List.of(nowA, nowB, nowC), List.of(postedA, postedB)))
                .extracting(l -> l.key().dimensionA() + " " + l.amount() + " " + l.quantity() + " " + l.recordCount())
                .containsExactly("B 0.25 2 1", "C 1.10 7 1");
        // nothing changed: nothing to post
        assertThat(allocator.delta(List.of(postedA, postedB), List.of(postedA, postedB))).isEmpty();
    }
}
