package io.billinghub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.platform.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ErpLedgerTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-03T09:00:00Z"));
    private final ErpLedger ledger = new ErpLedger(clock);

    @Test
    void aNewKeyIsStoredWithANewReceipt() {
        assertThat(ledger.record("k-1", "{\"amount\": 1.50}"))
                .isEqualTo(new ErpLedger.Receipt("rcpt-000001", "k-1", false));
        clock.advance(Duration.ofMinutes(1));
        assertThat(ledger.record("k-2", "{\"amount\": 2}"))
                .isEqualTo(new ErpLedger.Receipt("rcpt-000002", "k-2", false));
        assertThat(ledger.charges()).containsExactly(
                new ErpLedger.Charge("rcpt-000001", "k-1", Instant.parse("2026-11-03T09:00:00Z"), "{\"amount\": 1.50}"),
                new ErpLedger.Charge("rcpt-000002", "k-2", Instant.parse("2026-11-03T09:01:00Z"), "{\"amount\": 2}"));
    }

    @Test
    void aRepeatedKeyReturnsTheOriginalReceiptAndIsNotStoredAgain() {
        ledger.record("k-1", "{\"amount\": 1.50}");
        assertThat(ledger.record("k-1", "{\"amount\": 1.50}"))
                .isEqualTo(new ErpLedger.Receipt("rcpt-000001", "k-1", true));
        assertThat(ledger.charges()).hasSize(1);
    }

    @Test
    void resetForgetsEverything() {
        ledger.record("k-1", "{}");
        ledger.reset();
        assertThat(ledger.charges()).isEmpty();
        assertThat(ledger.record("k-1", "{}").duplicate()).isFalse();
    }
}
