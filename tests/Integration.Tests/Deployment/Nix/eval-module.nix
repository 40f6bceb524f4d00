# nix/module.nix applied to one services.oci-cleanup value with the stub lib: what the module declares
# (options) and what it makes of that value (config). The config given is already "merged": defaults
# of nested options are written out here, as the module system would fill them in.
{ cfg }:
let
  lib = import ./stub-lib.nix;
  pkgs = {
    formats.yaml = _: {
      type = lib.types.str // { name = "yaml"; };
      # Stands for the YAML file in the store; the test reads `content` (JSON, which is YAML).
      generate = name: value: {
        content = builtins.toJSON value;
        __toString = _: "/nix/store/00000000000000000000000000000000-${name}";
      };
    };
    callPackage = _: _: {
      meta.mainProgram = "oci-cleanup";
      __toString = _: "/nix/store/00000000000000000000000000000000-oci-cleanup-0.1.0";
    };
  };
  module = import ../../../../nix/module.nix {
    config.services.oci-cleanup = { package = pkgs.callPackage null { }; } // cfg;
    inherit lib pkgs;
  };
  service = module.config.content.systemd.services.oci-cleanup;
in
{
  options = module.options.services.oci-cleanup;
  enabledOnlyWhen = module.config.condition;
  failedAssertions = map (a: a.message) (builtins.filter (a: !a.assertion) module.config.content.assertions);
  service = service // {
    environment.OCI_CLEANUP_CONFIG = "${service.environment.OCI_CLEANUP_CONFIG}";
  };
  renderedConfig = service.environment.OCI_CLEANUP_CONFIG.content;
  timer = module.config.content.systemd.timers.oci-cleanup;
}
