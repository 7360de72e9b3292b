package io.billinghub.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpException;

/**
 * What a carrier does: connect over SFTP (checking the server's host key against a known-hosts file) and drop a
 * file into its inbox. The file is written under a hidden temporary name and renamed when complete, as careful
 * carriers do; the hub's read lock also copes with carriers that write in place.
 */
public final class SftpDropClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private SftpDropClient() {
    }

    public static void drop(String host, int port, String username, String password, Path knownHosts,
                            String directory, String fileName, byte[] content) throws IOException {
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier(new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE,
                    knownHosts));
            client.start();
            try (ClientSession session = client.connect(username, host, port).verify(TIMEOUT).getSession()) {
                session.addPasswordIdentity(password);
                session.auth().verify(TIMEOUT);
                try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                    mkdirs(sftp, directory);
                    String temporary = directory + "/." + fileName + ".part";
                    try (OutputStream out = sftp.write(temporary)) {
                        out.write(content);
                    }
                    String target = directory + "/" + fileName;
                    // SFTP v3 (OpenSSH) renames only onto a free name: a file still waiting in the inbox is replaced
                    if (exists(sftp, target)) {
                        sftp.remove(target);
                    }
                    sftp.rename(temporary, target);
                }
            }
        }
    }

    private static boolean exists(SftpClient sftp, String path) throws IOException {
        try {
            sftp.stat(path);
            return true;
        } catch (SftpException missing) {
            return false;
        }
    }

    private static void mkdirs(SftpClient sftp, String directory) throws IOException {
        StringBuilder path = new StringBuilder();
        for (String part : directory.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            path.append(path.isEmpty() ? "" : "/").append(part);
            if (!exists(sftp, path.toString())) {
                sftp.mkdir(path.toString());
            }
        }
    }
}
