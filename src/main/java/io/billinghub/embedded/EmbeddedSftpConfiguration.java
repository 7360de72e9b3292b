package io.billinghub.embedded;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the embedded SFTP server when hub.embedded.sftp.enabled=true (the default run); off in production. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.embedded.sftp", name = "enabled", havingValue = "true")
public class EmbeddedSftpConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    EmbeddedSftpServer embeddedSftpServer(@Value("${hub.sftp.host}") String host,
                                          @Value("${hub.sftp.port}") int port,
                                          @Value("${hub.sftp.username}") String username,
                                          @Value("${hub.sftp.password}") String password,
                                          @Value("${hub.embedded.sftp.root}") String root,
                                          @Value("${hub.embedded.sftp.host-key-file}") String hostKeyFile,
                                          @Value("${hub.sftp.known-hosts-file}") String knownHostsFile) {
        return new EmbeddedSftpServer(host, port, username, password, Path.of(root), Path.of(hostKeyFile),
                Path.of(knownHostsFile));
    }
}
