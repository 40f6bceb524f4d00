# nix-build nix/ — the package, with the nixpkgs of NIX_PATH.
{
  pkgs ? import <nixpkgs> { },
}:
pkgs.callPackage ./package.nix { }
