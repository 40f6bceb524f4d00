# flake.nix's outputs with a stub nixpkgs: which outputs it exposes, and that its module imports
# nix/module.nix with the flake's own package as default. Nothing is built or type-checked here.
let
  lib = import ./stub-lib.nix;
  systems = [ "x86_64-linux" "aarch64-linux" ];
  nixpkgs = {
    lib = lib // {
      mkDefault = value: { _type = "override"; priority = 1000; content = value; };
      nixosSystem = _: throw "nixosSystem needs nixpkgs";
    };
    legacyPackages = lib.genAttrs systems (system: {
      callPackage = path: _: { package = baseNameOf path; inherit system; };
    });
  };
  flake = import ../../../../flake.nix;
  outputs = flake.outputs { self = outputs; inherit nixpkgs; };
  module = outputs.nixosModules.default {
    pkgs.stdenv.hostPlatform.system = "aarch64-linux";
    inherit (nixpkgs) lib;
  };
in
{
  nixpkgsInput = flake.inputs.nixpkgs.url;
  packages = builtins.mapAttrs (_: builtins.attrNames) outputs.packages;
  defaultPackage = outputs.packages.x86_64-linux.default;
  checks = builtins.mapAttrs (_: builtins.attrNames) outputs.checks;
  nixosModules = builtins.attrNames outputs.nixosModules;
  moduleImports = map baseNameOf module.imports;
  modulePackage = module.services.oci-cleanup.package.content;
}
