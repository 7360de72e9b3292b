package io.billinghub.embedded;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts a real PostgreSQL in-process when no {@code spring.datasource.url} is configured, so the default run and
 * the tests need no database server. With a URL configured this configuration is skipped entirely and Spring Boot's
 * own datasource auto-configuration connects to that server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${hub.embedded.postgres.data-directory:}") String dataDirectory)
            throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (!dataDirectory.isBlank()) {
            // A fixed directory keeps the hub's state across restarts of the default run.
            Path dir = Path.of(dataDirectory).toAbsolutePath();
            Files.createDirectories(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        // bulk loads (usage and invoice files of millions of lines) should not be slowed by checkpoints forced
        // every gigabyte of WAL, nor their indexes' pages read back from the OS cache once they outgrow the
        // default 128 MB of buffers (staging 3M legs: 59 s with the default, 52 s with 1 GB), nor by backends
        // writing WAL themselves in small pieces when its buffers fill (16 MB: 1,340 such writes per 200,000 legs
        // COPYed; 64 MB: none in a whole 1M-leg benchmark run, the WAL writer writes it in large pieces)
        builder.setServerConfig("max_wal_size", "8GB").setServerConfig("checkpoint_timeout", "30min")
                .setServerConfig("shared_buffers", "1GB").setServerConfig("wal_buffers", "64MB");
        EmbeddedPostgres postgres = builder.start();
        LOG.info("Embedded PostgreSQL started on port {} (no spring.datasource.url configured)", postgres.getPort());
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        config.setPoolName("hub-embedded");
        return new HikariDataSource(config);
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
