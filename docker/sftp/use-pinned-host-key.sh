#!/bin/sh
# Runs inside atmoz/sftp before sshd starts: serve only the host key the hub has pinned in its known_hosts.
set -e
rm -f /etc/ssh/ssh_host_*_key /etc/ssh/ssh_host_*_key.pub
cp /keys/ssh_host_ed25519_key /etc/ssh/ssh_host_ed25519_key
cp /keys/ssh_host_ed25519_key.pub /etc/ssh/ssh_host_ed25519_key.pub
chmod 600 /etc/ssh/ssh_host_ed25519_key
