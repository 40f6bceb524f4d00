#!/usr/bin/env bash
# Regenerates nix/deps.json (the NuGet packages buildDotnetModule fetches) from a restore of the
# program: every package in the restore graph, with the SRI sha256 of its .nupkg.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet restore src/Cleaner/Cleaner.csproj --runtime linux-x64 >/dev/null
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
python3 - "$packages" > nix/deps.json <<'PY'
import base64, hashlib, json, os, sys
root = sys.argv[1]
assets = json.load(open("src/Cleaner/obj/project.assets.json"))
deps = []
for key, library in sorted(assets["libraries"].items(), key=lambda kv: kv[0].lower()):
    if library.get("type") != "package":
        continue
    name, version = key.split("/")
    folder = os.path.join(root, library["path"])
    nupkg = os.path.join(folder, f"{name.lower()}.{version.lower()}.nupkg")
    digest = hashlib.sha256(open(nupkg, "rb").read()).digest()
    deps.append({"pname": name, "version": version, "hash": "sha256-" + base64.b64encode(digest).decode()})
print(json.dumps(deps, indent=2))
PY
echo "nix/deps.json: $(grep -c '"pname"' nix/deps.json) packages"
