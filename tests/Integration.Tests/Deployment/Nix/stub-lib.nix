# The part of nixpkgs' lib that nix/module.nix uses, written with builtins only so the module can be
# evaluated on a machine without nixpkgs. Options and types become plain data a test can read; it
# does not merge modules or check values against types (nixpkgs does that: see the flake's checks).
let
  type = name: extra: { _type = "stub-type"; inherit name; } // extra;
  moduleOptions = m: (if builtins.isFunction m then m { } else m);
in
rec {
  mkOption = attrs: { _type = "option"; } // attrs;
  mkEnableOption = name: mkOption {
    type = types.bool;
    default = false;
    description = "Whether to enable ${name}.";
  };
  mkIf = condition: content: {
    _type = "if";
    inherit condition content;
  };
  literalExpression = text: {
    _type = "literalExpression";
    inherit text;
  };
  getExe = package: "${package}/bin/${package.meta.mainProgram}";
  genAttrs = names: f: builtins.listToAttrs (map (n: { name = n; value = f n; }) names);
  types = {
    str = type "str" { };
    bool = type "bool" { };
    number = type "number" { };
    path = type "path" { };
    package = type "package" { };
    ints.unsigned = type "unsignedInt" { };
    enum = values: type "enum" { inherit values; };
    nullOr = t: type "nullOr" { elem = t; };
    listOf = t: type "listOf" { elem = t; };
    submodule =
      m:
      let
        module = moduleOptions m;
      in
      type "submodule" ({ options = module.options or { }; } // (if module ? freeformType then { inherit (module) freeformType; } else { }));
  };
}
