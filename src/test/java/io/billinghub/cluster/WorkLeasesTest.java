package io.billinghub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billinghub.support.HubIntegrationTest;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Two nodes claiming the same work through one database. */
class WorkLeasesTest extends HubIntegrationTest {

    @Autowired
    private NamedParameterJdbcTemplate named;

    /** A node that gives up at once on a claim held elsewhere. */
    private static ClusterProperties properties(String id) {
        return new ClusterProperties(id, Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ZERO);
    }

    private WorkLeases node(String id) {
        return new WorkLeases(named, properties(id));
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

        assertThat(jdbc.queryForObject("select count(*) from work_lease where expires_at >= clock_timestamp()",
                Long.class)).isZero();
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

    @Test
    void withinOneNodeOneExchangeAtATimeHoldsAClaimUntilItCompletes() {
        WorkClaims claims = new WorkClaims(node("node-a"), properties("node-a"));
        WorkClaims otherNode = new WorkClaims(node("node-b"), properties("node-b"));
        Exchange first = new DefaultExchange(camel);
        Exchange second = new DefaultExchange(camel);
        String key = "run:carrier-cpm-period:2026-10";

        claims.claim(first, key);
        // the holder may claim again (a run's owner route entered twice)
        claims.claim(first, key);
        assertThatThrownBy(() -> claims.claim(second, key)).hasMessage(key + " has been worked on elsewhere for"
                + " longer than PT0S (hub.cluster.claim-wait); try again later");
        assertThatThrownBy(() -> otherNode.claim(second, key)).isInstanceOf(IllegalStateException.class);

        // the first exchange completes: both of its claims are given up
        first.getExchangeExtension().handoverCompletions().forEach(done -> done.onComplete(first));
        claims.claim(second, key);
        assertThat(jdbc.queryForObject("select owner from work_lease", String.class)).isEqualTo("node-a");
    }
}
