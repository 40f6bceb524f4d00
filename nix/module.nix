# NixOS module: services.oci-cleanup renders the YAML configuration and runs `oci-cleanup run`
# from a hardened oneshot service on a systemd timer.
#
#   imports = [ "${oci-cleanup}/nix/module.nix" ];
#   services.oci-cleanup = {
#     enable = true;
#     tokenFile = "/run/secrets/gitea-token";
#     pinsFile = ./registry-pins.txt;
#     settings.registries = [{ name = "main"; kind = "gitea"; url = "https://git.example.org"; owners = [ "oleks" ]; }];
#   };
{
  config,
  lib,
  pkgs,
  ...
}:

let
  cfg = config.services.oci-cleanup;
  yaml = pkgs.formats.yaml { };
  credentials = "/run/credentials/oci-cleanup.service";
  stateDir = "/var/lib/oci-cleanup";

  # Gitea registries without their own tokenFile/tokenEnv read the token passed in as a credential.
  withToken =
    registry:
    registry
    // lib.optionalAttrs (
      cfg.tokenFile != null
      && (registry.kind or "") == "gitea"
      && !(registry ? tokenFile)
      && !(registry ? tokenEnv)
    ) { tokenFile = "${credentials}/gitea-token"; };

  # Clusters without their own kubeconfig use the one passed in as a credential.
  withKubeconfig =
    cluster:
    cluster
    // lib.optionalAttrs (cfg.kubeconfig != null && !(cluster ? kubeconfig)) {
      kubeconfig = "${credentials}/kubeconfig";
    };

  settings = lib.recursiveUpdate cfg.settings {
    mode = if cfg.dryRun then "dry-run" else "delete";
    registries = map withToken (cfg.settings.registries or [ ]);
    clusters = map withKubeconfig (cfg.settings.clusters or [ ]);
    pins.files = (cfg.settings.pins.files or [ ]) ++ lib.optional (cfg.pinsFile != null) "${cfg.pinsFile}";
    safety = (cfg.settings.safety or { }) // {
      stateDir = stateDir;
    };
    report = (cfg.settings.report or { }) // {
      auditLog = (cfg.settings.report or { }).auditLog or "${stateDir}/audit.jsonl";
    };
  };

  configFile = yaml.generate "oci-cleanup.yaml" settings;
in
{
  options.services.oci-cleanup = {
    enable = lib.mkEnableOption "oci-cleanup, registry garbage collection that protects what clusters run";

    package = lib.mkOption {
      type = lib.types.package;
      default = pkgs.callPackage ./package.nix { };
      defaultText = lib.literalExpression "pkgs.callPackage ./package.nix { }";
      description = "The oci-cleanup package.";
    };

    settings = lib.mkOption {
      type = yaml.type;
      default = { };
      description = ''
        The configuration of SPEC §3 (registries, clusters, references, retention, safety, report),
        rendered to YAML. `mode`, `pins.files` (with `pinsFile`) and `safety.stateDir` are set by this module.
      '';
    };

    pinsFile = lib.mkOption {
      type = lib.types.nullOr lib.types.path;
      default = null;
      description = "A pins file (`container/cms-plugins==staging` per line), added to `pins.files`.";
    };

    tokenFile = lib.mkOption {
      type = lib.types.nullOr lib.types.str;
      default = null;
      example = "/run/secrets/gitea-token";
      description = ''
        File with the Gitea/Forgejo token (read:package; write:package to delete). Passed with
        LoadCredential, so it never enters the Nix store; used by gitea registries without tokenFile/tokenEnv.
      '';
    };

    kubeconfig = lib.mkOption {
      type = lib.types.nullOr lib.types.str;
      default = null;
      description = "Kubeconfig for the clusters that name none; passed with LoadCredential.";
    };

    schedule = lib.mkOption {
      type = lib.types.str;
      default = "*-*-* 03:30:00";
      description = "When the timer runs oci-cleanup (systemd OnCalendar).";
    };

    dryRun = lib.mkOption {
      type = lib.types.bool;
      default = true;
      description = "Only report what would be deleted. Set to false to delete.";
    };
  };

  config = lib.mkIf cfg.enable {
    environment.systemPackages = [ cfg.package ];

    systemd.services.oci-cleanup = {
      description = "oci-cleanup: registry cleanup that keeps what clusters run, will run and track";
      wants = [ "network-online.target" ];
      after = [ "network-online.target" ];
      environment.OCI_CLEANUP_CONFIG = "${configFile}";
      serviceConfig = {
        Type = "oneshot";
        ExecStart = "${lib.getExe cfg.package} run --config ${configFile} --report json --output ${stateDir}/last-report.json --log-format json";
        LoadCredential =
          lib.optional (cfg.tokenFile != null) "gitea-token:${cfg.tokenFile}"
          ++ lib.optional (cfg.kubeconfig != null) "kubeconfig:${cfg.kubeconfig}";
        DynamicUser = true;
        StateDirectory = "oci-cleanup";
        StateDirectoryMode = "0750";
        UMask = "0077";
        TimeoutStartSec = "2h";
        ProtectSystem = "strict";
        ProtectHome = true;
        PrivateTmp = true;
        PrivateDevices = true;
        NoNewPrivileges = true;
        CapabilityBoundingSet = "";
        AmbientCapabilities = "";
        RestrictAddressFamilies = [
          "AF_INET"
          "AF_INET6"
          "AF_UNIX"
        ];
        RestrictNamespaces = true;
        RestrictRealtime = true;
        RestrictSUIDSGID = true;
        LockPersonality = true;
        ProtectClock = true;
        ProtectHostname = true;
        ProtectKernelLogs = true;
        ProtectKernelModules = true;
        ProtectKernelTunables = true;
        ProtectControlGroups = true;
        ProtectProc = "invisible";
        ProcSubset = "pid";
        SystemCallArchitectures = "native";
        SystemCallFilter = [
          "@system-service"
          "~@privileged @resources"
        ];
      };
    };

    systemd.timers.oci-cleanup = {
      description = "Nightly oci-cleanup run";
      wantedBy = [ "timers.target" ];
      timerConfig = {
        OnCalendar = cfg.schedule;
        RandomizedDelaySec = "15min";
        Persistent = true;
      };
    };
  };
}
