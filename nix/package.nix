# The oci-cleanup program, built from this repository with nixpkgs' .NET tooling.
# NuGet dependencies are pinned in ./deps.json (regenerate with ./update-deps.sh).
{
  lib,
  buildDotnetModule,
  dotnetCorePackages,
}:

buildDotnetModule {
  pname = "oci-cleanup";
  version = import ./version.nix;

  src = lib.fileset.toSource {
    root = ../.;
    fileset = lib.fileset.unions [
      ../global.json
      ../Directory.Build.props
      ../Directory.Packages.props
      ../.editorconfig
      ../src
    ];
  };

  projectFile = "src/Cleaner/Cleaner.csproj";
  nugetDeps = ./deps.json;
  dotnet-sdk = dotnetCorePackages.sdk_10_0;
  # The daemon's metrics endpoint runs on Kestrel: the ASP.NET Core runtime.
  dotnet-runtime = dotnetCorePackages.aspnetcore_10_0;
  executables = [ "oci-cleanup" ];

  meta = {
    description = "Registry garbage collection and pinning that knows what Kubernetes and Flux run, will run, and track";
    mainProgram = "oci-cleanup";
    platforms = lib.platforms.linux;
  };
}
