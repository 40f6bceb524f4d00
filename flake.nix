{
  description = "oci-cleanup: registry garbage collection and pinning that knows what Kubernetes and Flux run, will run and track";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs =
    { self, nixpkgs }:
    let
      systems = [
        "x86_64-linux"
        "aarch64-linux"
      ];
      forAllSystems = f: nixpkgs.lib.genAttrs systems (system: f system nixpkgs.legacyPackages.${system});

      # A NixOS system with the module and an example configuration, for the checks.
      exampleSystem =
        system: extra:
        nixpkgs.lib.nixosSystem {
          modules = [
            self.nixosModules.default
            {
              nixpkgs.hostPlatform = system;
              boot.isContainer = true;
              system.stateVersion = "25.05";
              services.oci-cleanup = {
                enable = true;
                tokenFile = "/run/secrets/gitea-token";
                settings = {
                  registries = [
                    {
                      name = "main";
                      kind = "gitea";
                      url = "https://git.example.org";
                      owners = [ "oleks" ];
                    }
                  ];
                  report.metricsFile = "/var/lib/prometheus/node-exporter/oci-cleanup.prom";
                };
              };
            }
            extra
          ];
        };
      failedAssertions = system: builtins.filter (a: !a.assertion) system.config.assertions;
    in
    {
      packages = forAllSystems (
        _: pkgs: rec {
          oci-cleanup = pkgs.callPackage ./nix/package.nix { };
          default = oci-cleanup;
        }
      );

      nixosModules.default =
        { pkgs, lib, ... }:
        {
          imports = [ ./nix/module.nix ];
          services.oci-cleanup.package = lib.mkDefault self.packages.${pkgs.stdenv.hostPlatform.system}.default;
        };

      checks = forAllSystems (
        system: pkgs: {
          package = self.packages.${system}.default;
          # The module in a system: assertions hold for the example and the unit file renders.
          module =
            let
              example = exampleSystem system { };
              failed = failedAssertions example;
            in
            if failed == [ ] then
              example.config.systemd.units."oci-cleanup.service".unit
            else
              throw (builtins.concatStringsSep "\n" (map (a: a.message) failed));
          # A typo in settings fails evaluation; a gitea registry without owners fails an assertion.
          module-rejects =
            let
              typo = exampleSystem system { services.oci-cleanup.settings.retention.default.keepLats = 3; };
              noOwners = exampleSystem system {
                services.oci-cleanup.settings.registries = nixpkgs.lib.mkForce [
                  {
                    name = "main";
                    kind = "gitea";
                    url = "https://git.example.org";
                  }
                ];
              };
            in
            assert !(builtins.tryEval (builtins.deepSeq typo.config.services.oci-cleanup.settings true)).success;
            assert failedAssertions noOwners != [ ];
            pkgs.runCommand "oci-cleanup-module-rejects" { } "touch $out";
        }
      );
    };
}
