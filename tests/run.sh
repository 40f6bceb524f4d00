#!/usr/bin/env bash
# The test command of README.md and CI: installs what the tests need, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v docker-registry >/dev/null || need+=(docker-registry)
command -v skopeo >/dev/null || need+=(skopeo)
command -v nix-instantiate >/dev/null || need+=(nix-bin)
command -v systemd-analyze >/dev/null || need+=(systemd)
command -v promtool >/dev/null || need+=(prometheus)
command -v chromium >/dev/null || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# kubectl (kustomize v5, for the kubernetes/ tests) comes with the machine image: Debian's
# kubernetes-client ships a kustomize too old for components.
command -v kubectl >/dev/null || echo "warning: kubectl not found: the kubernetes/ rendering tests will fail" >&2

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# Only standard output is summed: a tool warning on standard error reaches the terminal, never the count.
dotnet test OciCleanup.slnx --nologo --verbosity quiet | tee "$log" || status=$?
# One plain closing line over every test project.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { gsub(",", "", p); printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
