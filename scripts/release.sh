#!/usr/bin/env bash
# Release artefacts, one tarball per platform in artifacts/:
#   scripts/release.sh                 linux-x64 and linux-arm64
#   scripts/release.sh linux-x64       one platform
# Each tarball oci-cleanup-VERSION-RID.tar.gz holds the self-contained single-file binary (no .NET
# needed on the host), the systemd units, an example configuration and pins file, install.sh and
# LICENSE; artifacts/SHA256SUMS lists them. VERSION is Directory.Build.props <Version>, the one
# version of the binary, the Nix package and the Kubernetes image tag.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's:^ *<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
[ -n "$version" ] || { echo "no <Version> in Directory.Build.props" >&2; exit 2; }
rids=("$@")
[ ${#rids[@]} -gt 0 ] || rids=(linux-x64 linux-arm64)
# Reproducible archives: file times are the last commit's.
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}

out=artifacts
mkdir -p "$out"
for rid in "${rids[@]}"; do
  name="oci-cleanup-$version-$rid"
  stage="$out/stage/$name"
  publish="$out/publish/$rid"
  rm -rf "$stage" "$publish"
  mkdir -p "$stage"
  # Its own artifacts path: the restore for RID leaves src/*/obj (the tests' restore graph) alone.
  # Needs NuGet only for the runtime packs of RID.
  dotnet publish src/Cleaner/Cleaner.csproj --nologo -v quiet -c Release -r "$rid" --self-contained \
    -p:PublishSingleFile=true -p:DebugType=none --artifacts-path "$out/build" -o "$publish"
  install -m 0755 "$publish/oci-cleanup" "$stage/oci-cleanup"
  install -m 0755 scripts/install.sh "$stage/install.sh"
  install -m 0644 systemd/oci-cleanup.service systemd/oci-cleanup.timer systemd/config.example.yaml \
    systemd/registry-pins.example.txt LICENSE "$stage/"
  tar -C "$out/stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -czf "$out/$name.tar.gz" "$name"
  echo "$out/$name.tar.gz"
done
(cd "$out" && sha256sum oci-cleanup-"$version"-*.tar.gz > SHA256SUMS)
