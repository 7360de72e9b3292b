package io.billinghub.cluster;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's heartbeat: every {@code hub.cluster.heartbeat-interval} it renews its claims and runs and takes over
 * the runs of nodes that stopped beating. It starts after everything else (Camel's routes included), so a run taken
 * over has a route to run in, and stops first.
 */
@Component
public class ClusterHeartbeat implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterHeartbeat.class);

    private final List<HeartbeatTask> tasks;
    private final ClusterProperties properties;
    private ScheduledExecutorService executor;

    public ClusterHeartbeat(List<HeartbeatTask> tasks, ClusterProperties properties) {
        this.tasks = tasks;
        this.properties = properties;
    }

    /** One beat; a failing task (the database restarting) is logged and retried on the next beat. */
    public void beat() {
        for (HeartbeatTask task : tasks) {
            try {
                task.beat();
            } catch (RuntimeException e) {
                LOG.warn("Heartbeat of node {}: {} failed: {}", properties.nodeId(),
                        task.getClass().getSimpleName(), e.toString());
            }
        }
    }

    @Override
    public synchronized void start() {
        LOG.info("Node {} joins the cluster (heartbeat every {}, claims expire after {})", properties.nodeId(),
                properties.heartbeatInterval(), properties.leaseTtl());
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hub-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.heartbeatInterval().toMillis();
        executor.scheduleWithFixedDelay(this::beat, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
