package io.billinghub.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.stereotype.Component;

/**
 * Claims a unit of work (a period run, an extraction window, a vendor report) for the exchange that does it: when
 * another node or exchange is doing the same unit, this one waits for it to finish (or for its claim to expire,
 * when that node died) and then does the unit itself, which is idempotent, so both runs end complete. The claim is
 * released when the exchange completes or fails.
 */
@Component
public class WorkClaims {

    private static final long RETRY_MILLIS = 1000;

    private final WorkLeases leases;
    private final Duration maxWait;
    /** Which exchange of this node holds each claim. */
    private final Map<String, String> holders = new ConcurrentHashMap<>();

    public WorkClaims(WorkLeases leases, ClusterProperties properties) {
        this.leases = leases;
        this.maxWait = properties.claimWait();
    }

    public void claim(Exchange exchange, String key) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!tryClaim(exchange, key)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(key + " has been worked on elsewhere for longer than " + maxWait
                        + " (hub.cluster.claim-wait); try again later");
            }
            try {
                // real time, not the hub's clock: another process or thread does the work
                TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped while waiting for " + key, e);
            }
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                holders.remove(key, exchange.getExchangeId());
                leases.release(key);
            }
        });
    }

    /**
     * The database claim is per node; within the node, one exchange at a time holds a key (the one holding it may
     * claim it again), so two runs of the same period on one node wait for each other too.
     */
    private boolean tryClaim(Exchange exchange, String key) {
        String holder = holders.putIfAbsent(key, exchange.getExchangeId());
        if (holder != null && !holder.equals(exchange.getExchangeId())) {
            return false;
        }
        if (leases.tryAcquire(key)) {
            return true;
        }
        if (holder == null) {
            holders.remove(key, exchange.getExchangeId());
        }
        return false;
    }
}
