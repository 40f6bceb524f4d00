namespace OciCleanup.Integration.Tests.Reporting;

/// <summary><c>explain</c> on the demo fleet, as the real program: sentences, and nothing written.</summary>
public sealed class ExplainTests(DemoFleetServers demo) : IClassFixture<DemoFleetServers>
{
    [Fact]
    public async Task Explain_StagingOnTheDemo_NamesPinSuspendedHelmReleaseAndImagePolicyInSentences()
    {
        var explained = await CleanerProcess.OutputAsync("explain", "container/cms-plugins==staging", "--config", demo.Config);

        explained.ShouldContain("It is pinned by line 2 of the pins file");
        explained.ShouldContain("It is set by the HelmRelease kotkan/cms-plugins-staging in cluster armer (image), which is suspended: it will run this image when it is resumed. [helmrelease-suspended, from cluster:armer]");
        explained.ShouldContain("It is tracked by the ImagePolicy kotkan/cms-plugins-staging in cluster armer");
        explained.ShouldContain("Consulted: registry:main (ok, 43 versions)");
        explained.ShouldContain("Decision: KEEP. It is protected");
    }

    [Fact]
    public async Task Explain_ConfigFromTheEnvironment_WritesNothingToStateDirOrTheConfigFolder()
    {
        var before = Directory.GetFileSystemEntries(demo.Folder.Path, "*", SearchOption.AllDirectories).Order().ToList();
        var environment = new Dictionary<string, string> { ["OCI_CLEANUP_CONFIG"] = demo.Config };

        var result = await CleanerProcess.RunAsync(environment, "explain", "container/cms-plugins==0.1.3");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("Decision: DELETE. Nothing protects it");
        // No state (first-seen times, baselines, last report, lock) and no stray file beside the config:
        // explain works where the config lives in /etc or the read-only Nix store.
        Directory.GetFileSystemEntries(demo.Folder.Path, "*", SearchOption.AllDirectories).Order().ShouldBe(before);
    }
}
