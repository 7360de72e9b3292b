package io.billinghub.runs;

import io.billinghub.cluster.ClusterProperties;
import io.billinghub.cluster.HeartbeatTask;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finishes the work of dead nodes. On every heartbeat this node renews its own running runs; a run another node
 * stopped renewing (killed mid-run) is ended INTERRUPTED by exactly one surviving node, which starts it again as a
 * new run when its route can be entered without a message (period runs, scheduled ticks). Every such route is
 * idempotent on its stable keys, so the new run ends exactly as an uninterrupted one. Runs of a file or a replay
 * are only ended: the file's expired claim makes a node take the file again, and the case stays to be replayed.
 */
@Component
public class RunRecovery implements HeartbeatTask {

    private static final Logger LOG = LoggerFactory.getLogger(RunRecovery.class);

    private final RunRegistry runs;
    private final RunLauncher launcher;
    private final ClusterProperties cluster;
    private final CamelContext camel;

    public RunRecovery(RunRegistry runs, RunLauncher launcher, ClusterProperties cluster, CamelContext camel) {
        this.runs = runs;
        this.launcher = launcher;
        this.cluster = cluster;
        this.camel = camel;
    }

    public String nodeId() {
        return cluster.nodeId();
    }

    @Override
    public void beat() {
        runs.renewOwned();
        if (!camel.isStarted()) {
            // a run taken over now would have no route to run in yet: another node, or the next beat, takes it
            return;
        }
        for (RunRegistry.OrphanedRun orphan : runs.orphaned(cluster.runTakeoverAfter())) {
            boolean restart = orphan.launch() != null && orphan.launch().restartable();
            String reason = "node " + orphan.nodeId() + " stopped during the run; node " + cluster.nodeId()
                    + (restart ? " started it again" : " ended it (its input is taken again on its own)");
            if (!runs.interrupt(orphan, cluster.runTakeoverAfter(), reason)) {
                continue;
            }
            if (restart) {
                String runId = launcher.launch(orphan.launch(), "RECOVERY", orphan.runId());
                LOG.warn("Run {} interrupted ({}): started again as run {}", orphan.runId(), reason, runId);
            } else {
                LOG.warn("Run {} interrupted: {}", orphan.runId(), reason);
            }
        }
    }
}
