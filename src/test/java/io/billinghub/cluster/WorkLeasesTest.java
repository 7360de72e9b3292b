package io.billinghub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.support.HubIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Two nodes claiming the same work through one database. */
class WorkLeasesTest extends HubIntegrationTest {

    @Autowired
    private NamedParameterJdbcTemplate named;

    private WorkLeases node(String id) {
        return new WorkLeases(named, new ClusterProperties(id, Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofMinutes(1)));
    }

    @Test
    void aClaimIsHeldByOneNodeUntilReleased() {
        WorkLeases a = node("node-a");
        WorkLeases b = node("node-b");

        assertThat(a.tryAcquire("file:/acme/inbox/oct.csv")).isTrue();
        assertThat(b.tryAcquire("file:/acme/inbox/oct.csv")).isFalse();
        // re-entrant for its holder; other keys are free
        assertThat(a.tryAcquire("file:/acme/inbox/oct.csv")).isTrue();
        assertThat(b.tryAcquire("file:/acme/inbox/nov.csv")).isTrue();

        // held twice by node a: the first release keeps it
        a.release("file:/acme/inbox/oct.csv");
        assertThat(b.tryAcquire("file:/acme/inbox/oct.csv")).isFalse();
        a.release("file:/acme/inbox/oct.csv");
        assertThat(b.tryAcquire("file:/acme/inbox/oct.csv")).isTrue();
        assertThat(jdbc.queryForObject("select owner from work_lease where lease_key = 'file:/acme/inbox/oct.csv'",
                String.class)).isEqualTo("node-b");
    }

    @Test
    void theClaimOfADeadNodeExpiresAndIsTakenOver() {
        WorkLeases dead = node("node-dead");
        WorkLeases alive = node("node-alive");
        assertThat(dead.tryAcquire("telephony-window:acme:2026-10-05T00:00:00Z")).isTrue();
        // the node died: nobody renews its claim, which runs out
        jdbc.update("update work_lease set expires_at = clock_timestamp() - interval '1 second'");

        assertThat(alive.isClaimed("telephony-window:acme:2026-10-05T00:00:00Z")).isFalse();
        assertThat(alive.tryAcquire("telephony-window:acme:2026-10-05T00:00:00Z")).isTrue();
        // a late release by the dead node's successor process changes nothing: the claim is not its own
        dead.release("telephony-window:acme:2026-10-05T00:00:00Z");
        assertThat(jdbc.queryForObject("select owner from work_lease", String.class)).isEqualTo("node-alive");
    }

    @Test
    void theHeartbeatRenewsOnlyTheClaimsANodeHolds() {
        WorkLeases a = node("node-a");
        WorkLeases b = node("node-b");
        a.tryAcquire("k1");
        b.tryAcquire("k2");
        jdbc.update("update work_lease set expires_at = clock_timestamp() + interval '5 seconds'");

        a.beat();

        assertThat(jdbc.queryForObject("select expires_at > clock_timestamp() + interval '30 seconds' from work_lease"
                + " where lease_key = 'k1'", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("select expires_at < clock_timestamp() + interval '6 seconds' from work_lease"
                + " where lease_key = 'k2'", Boolean.class)).isTrue();
    }

    @Test
    void aFinishedFileStaysClaimedForItsGraceSoThatAStaleListingCannotTakeItAgain() {
        WorkLeases a = node("node-a");
        WorkLeases b = node("node-b");
        a.tryAcquire("file:/acme/inbox/oct.csv");
        a.releaseAfter("file:/acme/inbox/oct.csv", 30);

        assertThat(b.tryAcquire("file:/acme/inbox/oct.csv")).isFalse();
        // not renewed any more by its node's heartbeat
        a.beat();
        assertThat(jdbc.queryForObject("select expires_at < clock_timestamp() + interval '31 seconds' from work_lease",
                Boolean.class)).isTrue();
    }
}
