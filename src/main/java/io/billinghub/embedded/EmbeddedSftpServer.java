package io.billinghub.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import io.billinghub.sandbox.FaultBurst;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SFTP server (Apache MINA SSHD) for the default run and the tests, so carriers' inboxes exist without any
 * installed server. Its host key is generated once (EC P-256, which JSch accepts, unlike SHA-1 ssh-rsa) and
 * written to the known-hosts file the hub's sftp: endpoints check, so host-key checking stays on. A test hook drops
 * every connection in the middle of a download, as a server restarting would.
 */
public class EmbeddedSftpServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSftpServer.class);

    private final SshServer server;
    private final Path root;
    private final Path knownHostsFile;
    private final String host;
    private final FaultBurst droppedDownloads = new FaultBurst();

    public EmbeddedSftpServer(String host, int port, String username, String password, Path root, Path hostKeyFile,
                              Path knownHostsFile) {
        this.root = root.toAbsolutePath();
        this.knownHostsFile = knownHostsFile;
        this.host = host;
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
        keys.setAlgorithm("EC");
        keys.setKeySize(256);
        server = SshServer.setUpDefaultServer();
        server.setHost(host);
        server.setPort(port);
        server.setKeyPairProvider(keys);
        byte[] expectedPassword = password.getBytes(StandardCharsets.UTF_8);
        server.setPasswordAuthenticator((user, given, session) -> username.equals(user)
                && MessageDigest.isEqual(expectedPassword, given.getBytes(StandardCharsets.UTF_8)));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(new SftpEventListener() {
            @Override
            public void reading(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
                                byte[] data, int dataOffset, int dataLen) {
                // past the first chunk, so the client holds part of the file when its connection goes
                if (offset > 0 && droppedDownloads.take()) {
                    LOG.warn("Embedded SFTP server drops every connection in the middle of {}", localHandle);
                    server.getActiveSessions().forEach(active -> active.close(true));
                }
            }
        });
        server.setSubsystemFactories(List.of(sftp));
        server.setFileSystemFactory(new VirtualFileSystemFactory(this.root));
    }

    public void start() throws IOException, GeneralSecurityException {
        Files.createDirectories(root);
        server.start();
        writeKnownHosts();
        LOG.info("Embedded SFTP server on {}:{} serving {} (host key pinned in {})", host, server.getPort(), root,
                knownHostsFile);
    }

    /** Test hook: the next {@code count} downloads (of a file larger than one read) lose their connection. */
    public FaultBurst droppedDownloads() {
        return droppedDownloads;
    }

    public void stop() throws IOException {
        server.stop(true);
    }

    private void writeKnownHosts() throws IOException, GeneralSecurityException {
        List<String> lines = new ArrayList<>();
        for (KeyPair key : server.getKeyPairProvider().loadKeys(null)) {
            String entry = PublicKeyEntry.toString(key.getPublic());
            for (String name : List.of(host, "127.0.0.1")) {
                lines.add((server.getPort() == 22 ? name : "[" + name + "]:" + server.getPort()) + " " + entry);
            }
        }
        if (knownHostsFile.getParent() != null) {
            Files.createDirectories(knownHostsFile.getParent());
        }
        Files.write(knownHostsFile, lines, StandardCharsets.UTF_8);
    }
}
