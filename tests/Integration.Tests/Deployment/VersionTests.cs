using System.Text.Json;
using System.Text.RegularExpressions;

namespace OciCleanup.Integration.Tests.Deployment;

/// <summary>One version number: the binary's, the Nix package's and the Kubernetes image tag.</summary>
public sealed class VersionTests
{
    [Fact]
    public void Props_HasOneSemanticVersion()
    {
        Regex.Count(Repository.Read("Directory.Build.props"), "<Version>").ShouldBe(1);
        Versions.Props().ShouldMatch(@"^\d+\.\d+\.\d+$");
    }

    [Fact]
    public async Task Binary_VersionOption_IsThePropsVersion()
    {
        var result = await CleanerProcess.RunAsync("--version");

        result.ExitCode.ShouldBe(0);
        result.Stdout.Trim().Split('+')[0].ShouldBe(Versions.Props());
    }

    [Fact]
    public async Task NixPackage_Version_IsThePropsVersion()
    {
        var result = await Tool.RunAsync("nix-instantiate", Repository.Root, "--eval", "--strict", "--json", "-E", "(import ./nix/version.nix)");
        result.ExitCode.ShouldBe(0, result.Output);
        // The package takes its version from there, not from a literal of its own.
        Repository.Read("nix/package.nix").ShouldContain("version = import ./version.nix;");

        JsonSerializer.Deserialize<string>(result.Stdout).ShouldBe(Versions.Props());
    }

    [Fact]
    public void KubernetesImageTagAndReadme_AreThePropsVersion()
    {
        var tags = Regex.Matches(Repository.Read("kubernetes/base/kustomization.yaml"), @"newTag: *(\S+)").Select(m => m.Groups[1].Value);

        tags.ShouldBe([Versions.Props()]);
        foreach (var image in Regex.Matches(Repository.Read("README.md"), @"oci-cleanup:(\d+\.\d+\.\d+)").Select(m => m.Groups[1].Value))
        {
            image.ShouldBe(Versions.Props());
        }
    }
}
