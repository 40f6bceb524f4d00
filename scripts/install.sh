#!/bin/sh
# Installs oci-cleanup from an unpacked release tarball on a plain systemd host:
#   sudo ./install.sh
# the binary to /usr/local/bin, the units to /etc/systemd/system, and, unless they exist already, the
# example configuration and pins file to /etc/oci-cleanup (mode 0644: they hold no secret). It creates
# the empty, root-only /etc/oci-cleanup/credentials/ and nothing secret: the token is yours to put there.
# ROOT=/some/folder ./install.sh installs below that folder instead (packaging, tests).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=${ROOT:-}

install -D -m 0755 "$here/oci-cleanup" "$root/usr/local/bin/oci-cleanup"
install -D -m 0644 "$here/oci-cleanup.service" "$root/etc/systemd/system/oci-cleanup.service"
install -D -m 0644 "$here/oci-cleanup.timer" "$root/etc/systemd/system/oci-cleanup.timer"
install -d -m 0755 "$root/etc/oci-cleanup"
install -d -m 0700 "$root/etc/oci-cleanup/credentials"
[ -e "$root/etc/oci-cleanup/config.yaml" ] || install -m 0644 "$here/config.example.yaml" "$root/etc/oci-cleanup/config.yaml"
[ -e "$root/etc/oci-cleanup/registry-pins.txt" ] || install -m 0644 "$here/registry-pins.example.txt" "$root/etc/oci-cleanup/registry-pins.txt"
if [ -z "$root" ] && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
fi

cat <<NEXT
oci-cleanup $("$root/usr/local/bin/oci-cleanup" --version) installed. Next:
  1. edit /etc/oci-cleanup/config.yaml and /etc/oci-cleanup/registry-pins.txt
  2. install -m 0600 gitea-token /etc/oci-cleanup/credentials/gitea-token   (and kubeconfig, registry passwords)
  3. systemctl start oci-cleanup.service && journalctl -u oci-cleanup -o cat    (a dry-run now)
  4. systemctl enable --now oci-cleanup.timer
NEXT
