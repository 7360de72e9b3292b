package io.billinghub.cluster;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.stereotype.Component;

/**
 * Claims a unit of work (an extraction window, a vendor report) for the exchange that does it: when another node
 * is doing the same unit, this one waits for it to finish (or for its claim to expire, when that node died) and
 * then does the unit itself, which is idempotent, so both nodes' runs end complete. The claim is released when the
 * exchange completes or fails.
 */
@Component
public class WorkClaims {

    private static final long RETRY_MILLIS = 1000;

    private final WorkLeases leases;
    private final Duration maxWait;

    public WorkClaims(WorkLeases leases, ClusterProperties properties) {
        this.leases = leases;
        this.maxWait = properties.claimWait();
    }

    public void claim(Exchange exchange, String key) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!leases.tryAcquire(key)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(key + " has been worked on by another node for longer than "
                        + maxWait + " (hub.cluster.claim-wait); try again later");
            }
            try {
                // real time, not the hub's clock: another process does the work
                TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped while waiting for " + key, e);
            }
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                leases.release(key);
            }
        });
    }
}
