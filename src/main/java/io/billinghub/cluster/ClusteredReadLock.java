package io.billinghub.cluster;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileExclusiveReadLockStrategy;
import org.apache.camel.component.file.GenericFileOperations;

/**
 * The read lock of the carrier inboxes when several nodes poll the same SFTP folder: a file is taken by the node
 * that claims it in {@link WorkLeases} (key: the file's path), then read once it stopped changing (the wrapped
 * strategy). The claim is renewed while the file is processed; when the node dies mid-file, the claim expires and
 * another node takes the file again (its processing resumes idempotently). After processing, the claim is kept a
 * little longer so that a node that listed the file before it was moved does not take it again.
 *
 * <p>Camel's SFTP consumer offers only the {@code changed} and {@code rename} read locks, neither of which is safe
 * across nodes; the JDBC idempotent repositories are check-then-insert and can grant one key to two nodes.
 */
public class ClusteredReadLock<T> implements GenericFileExclusiveReadLockStrategy<T> {

    private final WorkLeases leases;
    private final GenericFileExclusiveReadLockStrategy<T> changed;
    private final long releaseGraceSeconds;

    public ClusteredReadLock(WorkLeases leases, GenericFileExclusiveReadLockStrategy<T> changed,
                             long releaseGraceSeconds) {
        this.leases = leases;
        this.changed = changed;
        this.releaseGraceSeconds = releaseGraceSeconds;
    }

    @Override
    public void prepareOnStartup(GenericFileOperations<T> operations, GenericFileEndpoint<T> endpoint)
            throws Exception {
        changed.prepareOnStartup(operations, endpoint);
    }

    @Override
    public boolean acquireExclusiveReadLock(GenericFileOperations<T> operations, GenericFile<T> file,
                                            Exchange exchange) throws Exception {
        String key = key(file);
        if (!leases.tryAcquire(key)) {
            return false;
        }
        boolean stable;
        try {
            stable = changed.acquireExclusiveReadLock(operations, file, exchange);
        } catch (Exception e) {
            leases.release(key);
            throw e;
        }
        if (!stable) {
            leases.release(key);
        }
        return stable;
    }

    @Override
    public void releaseExclusiveReadLockOnAbort(GenericFileOperations<T> operations, GenericFile<T> file,
                                                Exchange exchange) throws Exception {
        changed.releaseExclusiveReadLockOnAbort(operations, file, exchange);
        leases.release(key(file));
    }

    @Override
    public void releaseExclusiveReadLockOnRollback(GenericFileOperations<T> operations, GenericFile<T> file,
                                                   Exchange exchange) throws Exception {
        changed.releaseExclusiveReadLockOnRollback(operations, file, exchange);
        leases.releaseAfter(key(file), releaseGraceSeconds);
    }

    @Override
    public void releaseExclusiveReadLockOnCommit(GenericFileOperations<T> operations, GenericFile<T> file,
                                                 Exchange exchange) throws Exception {
        changed.releaseExclusiveReadLockOnCommit(operations, file, exchange);
        leases.releaseAfter(key(file), releaseGraceSeconds);
    }

    @Override
    public void setTimeout(long timeout) {
        changed.setTimeout(timeout);
    }

    @Override
    public void setCheckInterval(long checkInterval) {
        changed.setCheckInterval(checkInterval);
    }

    @Override
    public void setReadLockLoggingLevel(LoggingLevel readLockLoggingLevel) {
        changed.setReadLockLoggingLevel(readLockLoggingLevel);
    }

    @Override
    public void setMarkerFiler(boolean markerFile) {
        changed.setMarkerFiler(markerFile);
    }

    @Override
    public void setDeleteOrphanLockFiles(boolean deleteOrphanLockFiles) {
        changed.setDeleteOrphanLockFiles(deleteOrphanLockFiles);
    }

    private static String key(GenericFile<?> file) {
        return "file:" + file.getAbsoluteFilePath();
    }
}
