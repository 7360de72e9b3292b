package io.billinghub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billinghub.support.HubIntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileExclusiveReadLockStrategy;
import org.apache.camel.component.file.GenericFileOperations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Two nodes polling the same inbox: each file is read by the one that claims it. */
class ClusteredReadLockTest extends HubIntegrationTest {

    @Autowired
    private NamedParameterJdbcTemplate named;

    private final Changed changedA = new Changed();
    private final Changed changedB = new Changed();

    private ClusteredReadLock<Object> node(String id, Changed changed) {
        WorkLeases leases = new WorkLeases(named, new ClusterProperties(id, Duration.ofSeconds(60),
                Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(1)));
        return new ClusteredReadLock<>(leases, changed, 30);
    }

    private static GenericFile<Object> file(String path) {
        GenericFile<Object> file = new GenericFile<>();
        file.setAbsoluteFilePath(path);
        return file;
    }

    @Test
    void aFileIsTakenByOneNodeAndNotAgainAfterItWasProcessed() throws Exception {
        ClusteredReadLock<Object> a = node("node-a", changedA);
        ClusteredReadLock<Object> b = node("node-b", changedB);
        GenericFile<Object> oct = file("/bandwidth/inbox/oct.csv");

        assertThat(a.acquireExclusiveReadLock(null, oct, null)).isTrue();
        assertThat(b.acquireExclusiveReadLock(null, oct, null)).isFalse();
        // node b never even looked at the file's size and age
        assertThat(changedB.calls).isEmpty();

        a.releaseExclusiveReadLockOnCommit(null, oct, null);
        // moved to done/ by node a; node b listed it before and must not take it within the grace
        assertThat(b.acquireExclusiveReadLock(null, oct, null)).isFalse();
        assertThat(changedA.calls).containsExactly("acquire /bandwidth/inbox/oct.csv",
                "commit /bandwidth/inbox/oct.csv");
    }

    @Test
    void aFileStillBeingWrittenIsLeftForAnyNodeToTakeLater() throws Exception {
        ClusteredReadLock<Object> a = node("node-a", changedA);
        ClusteredReadLock<Object> b = node("node-b", changedB);
        GenericFile<Object> oct = file("/bandwidth/inbox/oct.csv");
        changedA.stable = false;

        assertThat(a.acquireExclusiveReadLock(null, oct, null)).isFalse();
        assertThat(b.acquireExclusiveReadLock(null, oct, null)).isTrue();
    }

    @Test
    void anAbortedReadFreesTheFileAtOnceAndAFailedCheckToo() throws Exception {
        ClusteredReadLock<Object> a = node("node-a", changedA);
        ClusteredReadLock<Object> b = node("node-b", changedB);
        GenericFile<Object> oct = file("/bandwidth/inbox/oct.csv");

        assertThat(a.acquireExclusiveReadLock(null, oct, null)).isTrue();
        a.releaseExclusiveReadLockOnAbort(null, oct, null);
        assertThat(b.acquireExclusiveReadLock(null, oct, null)).isTrue();
        b.releaseExclusiveReadLockOnAbort(null, oct, null);

        changedA.failure = new IOException("connection dropped");
        assertThatThrownBy(() -> a.acquireExclusiveReadLock(null, oct, null)).hasMessage("connection dropped");
        assertThat(b.acquireExclusiveReadLock(null, oct, null)).isTrue();
    }

    @Test
    void aNodeKilledWhileReadingLeavesAClaimThatExpires() throws Exception {
        ClusteredReadLock<Object> a = node("node-a", changedA);
        ClusteredReadLock<Object> b = node("node-b", changedB);
        GenericFile<Object> oct = file("/bandwidth/inbox/oct.csv");
        assertThat(a.acquireExclusiveReadLock(null, oct, null)).isTrue();

        // node a is killed: no release, no renewal; its claim runs out
        jdbc.update("update work_lease set expires_at = clock_timestamp() - interval '1 second'");

        assertThat(b.acquireExclusiveReadLock(null, oct, null)).isTrue();
    }

    /** The wrapped "changed" check: answers as told and records its calls. */
    private static final class Changed implements GenericFileExclusiveReadLockStrategy<Object> {
        private final List<String> calls = new ArrayList<>();
        private boolean stable = true;
        private Exception failure;

        @Override
        public void prepareOnStartup(GenericFileOperations<Object> operations, GenericFileEndpoint<Object> endpoint) {
        }

        @Override
        public boolean acquireExclusiveReadLock(GenericFileOperations<Object> operations, GenericFile<Object> file,
                                                Exchange exchange) throws Exception {
            calls.add("acquire " + file.getAbsoluteFilePath());
            if (failure != null) {
                throw failure;
            }
            return stable;
        }

        @Override
        public void releaseExclusiveReadLockOnAbort(GenericFileOperations<Object> operations,
                                                    GenericFile<Object> file, Exchange exchange) {
            calls.add("abort " + file.getAbsoluteFilePath());
        }

        @Override
        public void releaseExclusiveReadLockOnRollback(GenericFileOperations<Object> operations,
                                                       GenericFile<Object> file, Exchange exchange) {
            calls.add("rollback " + file.getAbsoluteFilePath());
        }

        @Override
        public void releaseExclusiveReadLockOnCommit(GenericFileOperations<Object> operations,
                                                     GenericFile<Object> file, Exchange exchange) {
            calls.add("commit " + file.getAbsoluteFilePath());
        }

        @Override
        public void setTimeout(long timeout) {
        }

        @Override
        public void setCheckInterval(long checkInterval) {
        }

        @Override
        public void setReadLockLoggingLevel(LoggingLevel readLockLoggingLevel) {
        }

        @Override
        public void setMarkerFiler(boolean markerFile) {
        }

        @Override
        public void setDeleteOrphanLockFiles(boolean deleteOrphanLockFiles) {
        }
    }
}
