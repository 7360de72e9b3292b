package io.billinghub.invoices;

import com.jcraft.jsch.ChannelSftp;
import io.billinghub.cluster.ClusteredReadLock;
import io.billinghub.cluster.WorkLeases;
import javax.sql.DataSource;
import org.apache.camel.component.file.remote.strategy.SftpChangedExclusiveReadLockStrategy;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the inboxes take files: the persistent idempotent repository of carrier files (name + checksum), in the
 * camel_messageprocessed table Flyway creates, so that a file dropped again, even after a restart, is never consumed
 * twice; and the read lock that lets several nodes poll the same inboxes, each file taken by one of them.
 */
@Configuration(proxyBeanMethods = false)
public class CarrierFileRepositoryConfiguration {

    @Bean
    JdbcMessageIdRepository carrierFileRepository(DataSource dataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, "carrier-invoice-files");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }

    /**
     * A file is read once it has not changed for {@code read-lock-min-age-ms}; empty files are taken too (they are
     * rejected with a case, not left waiting), and a file still changing after {@code read-lock-timeout-ms} is left
     * for the next poll.
     */
    @Bean
    ClusteredReadLock<ChannelSftp.LsEntry> carrierFileReadLock(
            WorkLeases leases,
            @Value("${hub.sftp.read-lock-check-interval-ms}") long checkInterval,
            @Value("${hub.sftp.read-lock-min-age-ms}") long minAge,
            @Value("${hub.sftp.read-lock-timeout-ms}") long timeout,
            @Value("${hub.sftp.poll-delay-ms}") long pollDelay) {
        SftpChangedExclusiveReadLockStrategy changed = new SftpChangedExclusiveReadLockStrategy();
        changed.setCheckInterval(checkInterval);
        changed.setMinAge(minAge);
        changed.setMinLength(0);
        changed.setTimeout(timeout);
        // kept claimed for two polls after it was moved: a node that listed it before cannot take it again
        return new ClusteredReadLock<>(leases, changed, Math.max(1, 2 * pollDelay / 1000));
    }
}
