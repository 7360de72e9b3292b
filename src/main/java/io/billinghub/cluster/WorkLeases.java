package io.billinghub.cluster;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Claims on units of work (a carrier file, an extraction window) shared by every node through the database. A claim
 * is taken atomically (one statement: free, expired or already ours), renewed by this node's heartbeat while it is
 * held, and released when the work ends; a node that dies stops renewing, so its claims expire and another node
 * takes the work. Times are the database's, so nodes with drifting clocks agree.
 */
@Repository
public class WorkLeases implements HeartbeatTask {

    private final NamedParameterJdbcTemplate jdbc;
    private final ClusterProperties properties;
    /** The claims this node holds, with how many of its own units of work hold each. */
    private final Map<String, Integer> held = new ConcurrentHashMap<>();

    public WorkLeases(NamedParameterJdbcTemplate jdbc, ClusterProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Takes the claim unless another node holds it; true when this node holds it now. */
    public boolean tryAcquire(String key) {
        int taken = jdbc.update("""
                insert into work_lease (lease_key, owner, acquired_at, expires_at)
                values (:key, :owner, clock_timestamp(), clock_timestamp() + make_interval(secs => :ttl))
                on conflict (lease_key) do update
                    set owner = excluded.owner, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
                    where work_lease.owner = excluded.owner or work_lease.expires_at < clock_timestamp()""",
                params(key));
        if (taken == 1) {
            held.merge(key, 1, Integer::sum);
            return true;
        }
        return false;
    }

    /** Gives the claim up at once, once no other unit of work of this node holds it. */
    public void release(String key) {
        if (held.computeIfPresent(key, (k, n) -> n > 1 ? n - 1 : null) != null) {
            return;
        }
        jdbc.update("delete from work_lease where lease_key = :key and owner = :owner", params(key));
    }

    /**
     * Gives the claim up after {@code graceSeconds}: long enough for a node that listed the work before it was
     * done (a file in an inbox listing) not to take it again.
     */
    public void releaseAfter(String key, long graceSeconds) {
        held.remove(key);
        jdbc.update("""
                update work_lease set expires_at = clock_timestamp() + make_interval(secs => :grace)
                where lease_key = :key and owner = :owner""", params(key).addValue("grace", graceSeconds));
    }

    /** Extends every claim this node holds (the heartbeat). */
    @Override
    public void beat() {
        if (held.isEmpty()) {
            return;
        }
        jdbc.update("""
                update work_lease set expires_at = clock_timestamp() + make_interval(secs => :ttl)
                where owner = :owner and lease_key in (:keys)""",
                params(null).addValue("keys", Set.copyOf(held.keySet())));
    }

    private MapSqlParameterSource params(String key) {
        return new MapSqlParameterSource("key", key).addValue("owner", properties.nodeId())
                .addValue("ttl", properties.leaseTtl().toMillis() / 1000.0);
    }
}
