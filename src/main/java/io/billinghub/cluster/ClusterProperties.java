package io.billinghub.cluster;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hub nodes sharing one database divide the work.
 *
 * @param nodeId            this node's name in leases and runs; empty: host, process id and a random suffix, so a
 *                          restarted process is a new node and its predecessor's claims are seen as orphaned
 * @param leaseTtl          a claim not renewed for this long is orphaned (its node died) and can be taken
 * @param heartbeatInterval how often a node renews its claims and looks for orphaned runs
 * @param runTakeoverAfter  a running run whose node has not renewed it for this long is taken over
 * @param claimWait         how long a unit of work another node is doing is waited for before the run fails
 */
@ConfigurationProperties("hub.cluster")
public record ClusterProperties(String nodeId, Duration leaseTtl, Duration heartbeatInterval,
                                Duration runTakeoverAfter, Duration claimWait) {

    public ClusterProperties {
        nodeId = nodeId == null || nodeId.isBlank() ? generatedNodeId() : nodeId;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(60) : leaseTtl;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(10) : heartbeatInterval;
        runTakeoverAfter = runTakeoverAfter == null ? Duration.ofSeconds(60) : runTakeoverAfter;
        claimWait = claimWait == null ? Duration.ofMinutes(60) : claimWait;
        if (heartbeatInterval.multipliedBy(2).compareTo(leaseTtl) > 0
                || heartbeatInterval.multipliedBy(2).compareTo(runTakeoverAfter) > 0) {
            throw new IllegalArgumentException("hub.cluster.heartbeat-interval must be at most half of lease-ttl and"
                    + " of run-takeover-after, or a live node's claims would expire between two renewals");
        }
    }

    private static String generatedNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-" + HexFormat.of().formatHex(random);
    }
}
