# NixOS module: services.oci-cleanup renders a typed `settings` to the program's YAML and runs
# `oci-cleanup run` from a hardened oneshot service on a systemd timer.
#
#   imports = [ oci-cleanup.nixosModules.default ];   # or "${oci-cleanup}/nix/module.nix"
#   services.oci-cleanup = {
#     enable = true;
#     tokenFile = "/run/secrets/gitea-token";
#     pinsFile = ./registry-pins.txt;
#     settings.registries = [{ name = "main"; kind = "gitea"; url = "https://git.example.org"; owners = [ "oleks" ]; }];
#   };
#
# Typed options catch a typo (`keepLats`) when the system is built; nix/assertions.nix rejects what the
# program would. Secrets never enter the store: each file is passed with LoadCredential= (nix/settings.nix).
{
  config,
  lib,
  pkgs,
  ...
}:

let
  cfg = config.services.oci-cleanup;
  inherit (lib) mkOption types;
  yaml = pkgs.formats.yaml { };
  stateDir = "/var/lib/oci-cleanup";

  rendered = import ./settings.nix {
    inherit (cfg)
      settings
      dryRun
      tokenFile
      kubeconfig
      ;
    pinsFile = if cfg.pinsFile == null then null else "${cfg.pinsFile}";
    inherit stateDir;
  };
  configFile = yaml.generate "oci-cleanup.yaml" rendered.settings;

  # null: the program's own default applies (docs/configuration.md).
  opt =
    type: description:
    mkOption {
      type = types.nullOr type;
      default = null;
      inherit description;
    };
  secretPath = "A file on the host, as a string (never a Nix path: the store is world-readable); passed to the service with LoadCredential=.";

  policy = {
    keepLast = opt types.ints.unsigned "Keep the newest N tagged versions of each package (program default 10).";
    keepWithinDays = opt types.ints.unsigned "Keep anything pushed within N days (default 14).";
    keepTags = opt (types.listOf types.str) "Regexes of tags retention never deletes (default [\"^latest$\"]).";
    removeTags = opt (types.listOf types.str) "Regexes of tags deleted regardless of keepLast/keepWithinDays.";
    untaggedAfterDays = opt types.ints.unsigned "Delete untagged manifests no kept index needs after N days (default 2).";
    minAgeHours = opt types.ints.unsigned "Grace: nothing younger is ever deleted (default 6).";
  };

  registry = types.submodule {
    options = {
      name = mkOption {
        type = types.str;
        description = "Name of the registry in reports and credentials.";
      };
      kind = mkOption {
        type = types.enum [ "gitea" "forgejo" "oci" ];
        description = "gitea (also forgejo): the packages API; oci: any distribution registry.";
      };
      url = mkOption {
        type = types.str;
        description = "Base URL, http(s).";
      };
      tokenFile = opt types.str "Gitea/Forgejo token (read:package, write:package to delete). ${secretPath} Default: services.oci-cleanup.tokenFile.";
      tokenEnv = opt types.str "Environment variable with the token, instead of tokenFile.";
      basicAuthFile = opt types.str "oci: user:password for basic auth. ${secretPath}";
      authRealms = opt (types.listOf types.str) "Token services on another host (host or host:port, e.g. auth.docker.io) that may receive this registry's credentials; default none.";
      owners = mkOption {
        type = types.listOf types.str;
        default = [ ];
        description = "gitea: users/orgs whose packages are inventoried (required for gitea).";
      };
      types = opt (types.listOf types.str) "gitea package types (default [ \"container\" ]).";
      hostAliases = mkOption {
        type = types.listOf types.str;
        default = [ ];
        description = "Host names workloads use for this registry.";
      };
      repositories = opt (types.submodule {
        options = {
          include = mkOption {
            type = types.listOf types.str;
            default = [ ];
            description = "oci: repository globs to inventory.";
          };
          exclude = mkOption {
            type = types.listOf types.str;
            default = [ ];
            description = "oci: repository globs to leave out.";
          };
          names = mkOption {
            type = types.listOf types.str;
            default = [ ];
            description = "oci: exactly these repositories, listed by their tags with no /v2/_catalog call (registries that hide the catalog); not with include/exclude.";
          };
        };
      }) "oci: which repositories of /v2/_catalog to inventory, or which repositories by name.";
    };
  };

  cluster = types.submodule {
    options = {
      name = mkOption {
        type = types.str;
        description = "Name of the cluster in reports and credentials.";
      };
      kubeconfig = opt types.str "Kubeconfig for this cluster. ${secretPath} Default: services.oci-cleanup.kubeconfig.";
      context = opt types.str "Context in the kubeconfig.";
    };
  };

  settingsType = types.submodule {
    # Keys this module does not know yet pass through to the YAML; the program rejects unknown ones.
    freeformType = yaml.type;
    options = {
      registries = mkOption {
        type = types.listOf registry;
        default = [ ];
        description = "Registries whose package versions are inventoried (at least one).";
      };
      pins.files = mkOption {
        type = types.listOf types.str;
        default = [ ];
        description = "Pins files, besides services.oci-cleanup.pinsFile.";
      };
      clusters = mkOption {
        type = types.listOf cluster;
        default = [ ];
        description = "Clusters whose workloads, HelmReleases and ImagePolicies protect images.";
      };
      references = mkOption {
        type = types.submodule {
          options = lib.genAttrs [ "workloads" "replicaSetHistory" "helmReleases" "helmReleaseSecrets" "imagePolicies" ] (
            kind: opt types.bool "Whether ${kind} protect images (default true)."
          );
        };
        default = { };
        description = "Which kinds of cluster references protect images.";
      };
      retention = {
        default = mkOption {
          type = types.submodule { options = policy; };
          default = { };
          description = "The retention policy of every package.";
        };
        packages = mkOption {
          type = types.listOf (types.submodule {
            options = policy // {
              match = mkOption {
                type = types.str;
                description = "Glob over TYPE/NAME, e.g. container/cms-plugins; first match wins.";
              };
            };
          });
          default = [ ];
          description = "Per-package overrides; each inherits what it does not set from retention.default.";
        };
      };
      safety = mkOption {
        type = types.submodule {
          options = {
            failClosed = opt types.bool "A failed reference source blocks every delete (default true).";
            maxDeletes = opt types.ints.unsigned "More planned deletes than this block the run (default 500).";
            maxDeleteFraction = opt types.number "More than this share (0..1) of any package planned for deletion blocks the run (default 0.5).";
            maxProtectedShrink = opt types.number "A protected set below this share (0..1) of the last run's blocks the run (default 0.5).";
          };
        };
        default = { };
        description = "Limits that block a whole run. stateDir is the service's StateDirectory.";
      };
      report = mkOption {
        type = types.submodule {
          options = {
            auditLog = opt types.str "One JSON line per delete attempted (default ${stateDir}/audit.jsonl).";
            metricsFile = opt types.str "Metrics for node_exporter's textfile collector, e.g. /var/lib/prometheus/node-exporter/oci-cleanup.prom; made writable for the service.";
          };
        };
        default = { };
        description = "Where each run leaves its audit log and metrics.";
      };
    };
  };
in
{
  options.services.oci-cleanup = {
    enable = lib.mkEnableOption "oci-cleanup, registry garbage collection that protects what clusters run";

    package = mkOption {
      type = types.package;
      default = pkgs.callPackage ./package.nix { };
      defaultText = lib.literalExpression "pkgs.callPackage ./package.nix { }";
      description = "The oci-cleanup package.";
    };

    settings = mkOption {
      type = settingsType;
      default = { };
      description = ''
        The configuration (docs/configuration.md), rendered to YAML. `mode` comes from `dryRun`,
        `safety.stateDir` is ${stateDir}; secret files become credentials.
      '';
    };

    pinsFile = mkOption {
      type = types.nullOr types.path;
      default = null;
      description = "A pins file (`container/cms-plugins==staging` per line), added to `pins.files`.";
    };

    tokenFile = mkOption {
      type = types.nullOr types.str;
      default = null;
      example = "/run/secrets/gitea-token";
      description = "Token of the gitea registries that name none. ${secretPath}";
    };

    kubeconfig = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = "Kubeconfig of the clusters that name none. ${secretPath}";
    };

    schedule = mkOption {
      type = types.str;
      default = "*-*-* 03:30:00";
      description = "When the timer runs oci-cleanup (systemd OnCalendar).";
    };

    dryRun = mkOption {
      type = types.bool;
      default = true;
      description = "Only report what would be deleted. Set to false to delete.";
    };
  };

  config = lib.mkIf cfg.enable {
    assertions =
      map (a: a // { message = "services.oci-cleanup: ${a.message}"; }) (import ./assertions.nix rendered.settings)
      ++ [
        {
          assertion = !(cfg.settings ? mode);
          message = "services.oci-cleanup: set dryRun instead of settings.mode";
        }
      ];

    environment.systemPackages = [ cfg.package ];

    systemd.services.oci-cleanup = {
      description = "oci-cleanup: registry cleanup that keeps what clusters run, will run and track";
      wants = [ "network-online.target" ];
      after = [ "network-online.target" ];
      # A deploy must never restart (stop) a run that is deleting; the next timer run uses the new config.
      restartIfChanged = false;
      environment.OCI_CLEANUP_CONFIG = configFile;
      # The GC's first-generation budget, bounded as in the CronJob and the plain unit (bench/README.md).
      environment.DOTNET_GCgen0size = "0x1000000";
      serviceConfig = {
        Type = "oneshot";
        # The table to the journal; the JSON report stays in ${stateDir}/last-report.json.
        ExecStart = "${lib.getExe cfg.package} run --config ${configFile} --report table --log-format json";
        LoadCredential = rendered.credentials;
        ReadWritePaths = map (p: "-${p}") rendered.writablePaths;
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
