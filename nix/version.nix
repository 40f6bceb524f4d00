# The one version number, read from Directory.Build.props <Version> (the binary's), so the Nix
# package cannot disagree with it. Plain builtins: evaluable without nixpkgs.
let
  props = builtins.readFile ../Directory.Build.props;
  lines = builtins.filter builtins.isString (builtins.split "\n" props);
  found = builtins.concatMap (
    line:
    let
      m = builtins.match " *<Version>([^<]+)</Version>.*" line;
    in
    if m == null then [ ] else m
  ) lines;
in
if builtins.length found == 1 then builtins.head found else throw "Directory.Build.props: expected one <Version>"
