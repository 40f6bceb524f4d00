namespace OciCleanup.Integration.Tests.Deployment;

/// <summary>flake.nix's outputs, evaluated with a stub nixpkgs (Deployment/Nix/eval-flake.nix): nothing is built here.</summary>
public sealed class FlakeTests
{
    [Fact]
    public async Task Flake_ExposesPackagesModuleAndChecks()
    {
        var flake = await NixEval.EvalAsync($"import ./{NixEval.Folder}/eval-flake.nix");

        foreach (var system in new[] { "x86_64-linux", "aarch64-linux" })
        {
            flake.GetProperty("packages").GetProperty(system).EnumerateArray().Select(e => e.GetString()).ShouldContain("default");
            flake.GetProperty("checks").GetProperty(system).EnumerateArray().Select(e => e.GetString()).ShouldBe(["module", "module-rejects", "package"], ignoreOrder: true);
        }

        flake.GetProperty("defaultPackage").GetProperty("package").GetString().ShouldBe("package.nix");
        flake.GetProperty("nixosModules").EnumerateArray().Select(e => e.GetString()).ShouldBe(["default"]);
        flake.GetProperty("moduleImports").EnumerateArray().Select(e => e.GetString()).ShouldBe(["module.nix"]);
        // The module's default package is the flake's own, for the host's system.
        flake.GetProperty("modulePackage").GetProperty("system").GetString().ShouldBe("aarch64-linux");
    }
}
