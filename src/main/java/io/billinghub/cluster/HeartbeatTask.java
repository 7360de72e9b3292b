package io.billinghub.cluster;

/** Work a node does on every heartbeat: renew what it holds, take over what dead nodes left. */
public interface HeartbeatTask {
    void beat();
}
