# What the program would reject in a rendered configuration (nix/settings.nix), as NixOS assertions:
# a mistake fails `nixos-rebuild`, not the 03:30 run. Plain builtins: tests evaluate it without nixpkgs.
# Returns [ { assertion = bool; message = string; } ].
settings:
let
  registries = settings.registries or [ ];
  clusters = settings.clusters or [ ];
  safety = settings.safety or { };
  retention = settings.retention or { };
  policies = [ (retention.default or { }) ] ++ (retention.packages or [ ]);
  isGitea = r: builtins.elem (r.kind or "") [ "gitea" "forgejo" ];
  names = map (r: r.name or "") registries;
  # Credential IDs are made of these names (LoadCredential= splits at ':').
  safeName = n: builtins.match "[A-Za-z0-9][A-Za-z0-9_.-]*" n != null;
  prefix = p: s: builtins.substring 0 (builtins.stringLength p) s == p;
  fraction =
    key:
    let
      v = safety.${key} or null;
    in
    {
      assertion = v == null || ((builtins.isInt v || builtins.isFloat v) && v >= 0 && v <= 1);
      message = "settings.safety.${key} must be between 0 and 1, not ${builtins.toJSON v}";
    };
  nonNegative =
    where: key: v:
    {
      assertion = v == null || (builtins.isInt v && v >= 0);
      message = "${where}.${key} must be a whole number >= 0, not ${builtins.toJSON v}";
    };
  secretFiles =
    builtins.concatMap (r: [ (r.tokenFile or null) (r.basicAuthFile or null) ]) registries
    ++ map (c: c.kubeconfig or null) clusters;
in
[
  {
    assertion = registries != [ ];
    message = "settings.registries is empty: a run would inventory nothing";
  }
  {
    assertion = builtins.elem (settings.mode or "dry-run") [ "dry-run" "delete" ];
    message = "mode must be dry-run or delete, not ${builtins.toJSON (settings.mode or null)}";
  }
  {
    assertion = builtins.length names == builtins.length (builtins.attrNames (builtins.listToAttrs (map (n: { name = n; value = true; }) names)));
    message = "settings.registries: two registries have the same name";
  }
  (fraction "maxDeleteFraction")
  (fraction "maxProtectedShrink")
  (nonNegative "settings.safety" "maxDeletes" (safety.maxDeletes or null))
  {
    assertion = builtins.all (p: !(p ? match) || p.match != "") (retention.packages or [ ]);
    message = "settings.retention.packages: every override needs a match (a TYPE/NAME glob)";
  }
  {
    assertion = builtins.all (f: f == null || !(prefix "/nix/store/" f)) secretFiles;
    message = "a tokenFile, basicAuthFile or kubeconfig is in the Nix store, which every user can read: give a path outside it, as a string";
  }
]
++ builtins.concatMap (r: [
  {
    assertion = !(isGitea r) || (r.owners or [ ]) != [ ];
    message = "settings.registries.${r.name or "?"}: a gitea registry needs at least one owner";
  }
  {
    assertion = builtins.elem (r.kind or "") [ "gitea" "forgejo" "oci" ];
    message = "settings.registries.${r.name or "?"}.kind must be gitea, forgejo or oci, not ${builtins.toJSON (r.kind or null)}";
  }
  {
    assertion = builtins.match "https?://.+" (r.url or "") != null;
    message = "settings.registries.${r.name or "?"}.url must be an http(s) URL, not ${builtins.toJSON (r.url or null)}";
  }
  {
    assertion = (r.repositories.names or [ ]) == [ ] || ((r.repositories.include or [ ]) == [ ] && (r.repositories.exclude or [ ]) == [ ]);
    message = "settings.registries.${r.name or "?"}.repositories: give names, or include/exclude, not both";
  }
  {
    assertion = !(r ? tokenFile && r ? tokenEnv);
    message = "settings.registries.${r.name or "?"}: give tokenFile or tokenEnv, not both";
  }
  {
    assertion = safeName (r.name or "");
    message = "settings.registries: name ${builtins.toJSON (r.name or null)} must be letters, digits, '.', '_' or '-' (it names the registry's credentials)";
  }
]) registries
++ map (c: {
  assertion = safeName (c.name or "");
  message = "settings.clusters: name ${builtins.toJSON (c.name or null)} must be letters, digits, '.', '_' or '-' (it names the cluster's credential)";
}) clusters
++ builtins.concatMap (
  p:
  map (key: nonNegative "settings.retention" key (p.${key} or null)) [
    "keepLast"
    "keepWithinDays"
    "untaggedAfterDays"
    "minAgeHours"
  ]
) policies
