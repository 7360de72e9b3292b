package io.billinghub.invoices;

import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The persistent idempotent repository of carrier files (name + checksum), in the camel_messageprocessed table
 * Flyway creates: a file dropped again, even after a restart, is never consumed twice.
 */
@Configuration(proxyBeanMethods = false)
public class CarrierFileRepositoryConfiguration {

    @Bean
    JdbcMessageIdRepository carrierFileRepository(DataSource dataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, "carrier-invoice-files");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
