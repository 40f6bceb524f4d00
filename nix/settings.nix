# Renders services.oci-cleanup into the program's configuration and the systemd credentials it needs.
# Plain builtins (no nixpkgs), so tests evaluate it with `nix-instantiate --eval` alone.
#
# Every secret file named in the settings (a registry's tokenFile or basicAuthFile, a cluster's
# kubeconfig) and the module's tokenFile/kubeconfig is passed with LoadCredential= and the rendered
# configuration names systemd's copy under /run/credentials/oci-cleanup.service/: the service's
# DynamicUser cannot read root's /run/secrets, and no secret is ever copied into the Nix store.
{
  settings, # services.oci-cleanup.settings (typed; null means "the program's default")
  dryRun ? true,
  tokenFile ? null, # for gitea registries without a token of their own
  kubeconfig ? null, # for clusters without a kubeconfig of their own
  pinsFile ? null, # a store path (pins are not secret)
  stateDir ? "/var/lib/oci-cleanup",
  credentialsDirectory ? "/run/credentials/oci-cleanup.service",
}:
let
  # Drop nulls (the program's defaults apply) and Nix-only attributes, recursively.
  clean =
    v:
    if builtins.isAttrs v then
      builtins.mapAttrs (_: clean) (
        builtins.removeAttrs v (builtins.filter (n: v.${n} == null || n == "_module") (builtins.attrNames v))
      )
    else if builtins.isList v then
      map clean v
    else
      v;

  s = clean settings;
  registries = s.registries or [ ];
  clusters = s.clusters or [ ];
  isGitea = r: builtins.elem (r.kind or "") [ "gitea" "forgejo" ];
  inCredentials = p: builtins.substring 0 (builtins.stringLength credentialsDirectory + 1) p == credentialsDirectory + "/";

  # A secret at a host path becomes credential `id`; one already under the credentials folder stays.
  secret =
    id: path:
    if path == null || inCredentials path then
      {
        credentials = [ ];
        inherit path;
      }
    else
      {
        credentials = [ "${id}:${path}" ];
        path = "${credentialsDirectory}/${id}";
      };

  registry =
    r:
    let
      token = secret "registry-${r.name}-token" (r.tokenFile or null);
      basic = secret "registry-${r.name}-basic-auth" (r.basicAuthFile or null);
      # The module-wide token is one credential shared by every gitea registry without one of its own.
      sharedToken = isGitea r && !(r ? tokenFile) && !(r ? tokenEnv) && tokenFile != null;
    in
    {
      value =
        r
        // (if sharedToken then { tokenFile = "${credentialsDirectory}/gitea-token"; } else { })
        // (if r ? tokenFile then { tokenFile = token.path; } else { })
        // (if r ? basicAuthFile then { basicAuthFile = basic.path; } else { });
      credentials = token.credentials ++ basic.credentials;
      usesSharedToken = sharedToken;
    };

  cluster =
    c:
    let
      own = secret "cluster-${c.name}-kubeconfig" (c.kubeconfig or null);
    in
    {
      value =
        c
        // (
          if c ? kubeconfig then
            { kubeconfig = own.path; }
          else if kubeconfig != null then
            { kubeconfig = "${credentialsDirectory}/kubeconfig"; }
          else
            { }
        );
      credentials = own.credentials;
      usesSharedKubeconfig = !(c ? kubeconfig) && kubeconfig != null;
    };

  renderedRegistries = map registry registries;
  renderedClusters = map cluster clusters;
  report = s.report or { };
  dirOf' = p: builtins.dirOf p;
  underState = p: builtins.substring 0 (builtins.stringLength stateDir + 1) p == stateDir + "/";
in
{
  settings =
    s
    // {
      mode = if dryRun then "dry-run" else "delete";
      registries = map (r: r.value) renderedRegistries;
      clusters = map (c: c.value) renderedClusters;
      pins = (s.pins or { }) // {
        files = ((s.pins or { }).files or [ ]) ++ (if pinsFile == null then [ ] else [ "${pinsFile}" ]);
      };
      safety = (s.safety or { }) // {
        inherit stateDir;
      };
      report = report // {
        auditLog = report.auditLog or "${stateDir}/audit.jsonl";
      };
    };

  # LoadCredential= lines, "ID:PATH".
  credentials =
    (if builtins.any (r: r.usesSharedToken) renderedRegistries then [ "gitea-token:${tokenFile}" ] else [ ])
    ++ (if builtins.any (c: c.usesSharedKubeconfig) renderedClusters then [ "kubeconfig:${kubeconfig}" ] else [ ])
    ++ builtins.concatMap (r: r.credentials) renderedRegistries
    ++ builtins.concatMap (c: c.credentials) renderedClusters;

  # ReadWritePaths=: where the program writes outside its StateDirectory (the metrics textfile).
  writablePaths = map dirOf' (
    builtins.filter (p: p != null && !(underState p)) [
      (report.metricsFile or null)
      (report.auditLog or null)
    ]
  );
}
