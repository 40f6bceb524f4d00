namespace OciCleanup.Integration.Tests.Kubernetes;

/// <summary>
/// Issue 9: input a cluster really serves — a newer Flux API, values nested past what the client
/// reads, broken or exploding valuesFrom YAML, ImagePolicy patterns that cannot run in linear time —
/// fails that cluster's source by name; the run is blocked in delete mode and deletes nothing; once the
/// input is fixed, the next run completes and what the fixed object protects is kept.
/// </summary>
public sealed class ClusterInputFaultTests : IAsyncLifetime
{
    private const string HelmGroup = "helm.toolkit.fluxcd.io";
    private const string ImageGroup = "image.toolkit.fluxcd.io";

    private readonly ClusterFleet _fleet = new();

    public Task InitializeAsync() => _fleet.StartAsync();

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    public static TheoryData<string> Faults => ["helm-v3-only", "image-v2-only", "deep-values", "malformed-valuesfrom", "alias-bomb", "lookahead-pattern", "backreference-pattern"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Run_ClusterInputFault_BlockedNamingItThenCompletesOnceFixed(string fault)
    {
        var expected = Inject(fault);

        var (blocked, blockedReport) = await RunDeleteAsync();

        blocked.ExitCode.ShouldBe(1, blocked.Stderr);
        var source = blockedReport.Source("cluster:armer");
        source.GetProperty("status").GetString().ShouldBe("failed");
        foreach (var text in expected)
        {
            source.GetProperty("error").GetString()!.ShouldContain(text);
        }

        blockedReport.Summary.GetProperty("blocked").GetBoolean().ShouldBeTrue();
        blockedReport.Summary.GetProperty("blockedReason").GetString()!.ShouldContain("cluster:armer");
        blockedReport.Summary.GetProperty("deleted").GetInt32().ShouldBe(0);
        _fleet.Gitea.Requests.ShouldNotContain(r => r.Method == "DELETE");
        _fleet.Gitea.Versions.Count.ShouldBe(32);

        var fixedObjectProtects = Fix(fault);
        var (result, report) = await RunDeleteAsync();

        result.ExitCode.ShouldBe(0, result.Stderr);
        report.Source("cluster:armer").GetProperty("status").GetString().ShouldBe("ok");
        report.Summary.GetProperty("deleted").GetInt32().ShouldBeGreaterThan(0);
        _fleet.Gitea.Requests.Count(r => r.Method == "DELETE").ShouldBe(report.Summary.GetProperty("deleted").GetInt32());
        foreach (var (package, version) in new[] { ("cms-plugins", "staging"), ("cms-plugins", "production"), ("app", "hr-active"), ("app", "pod-spec") })
        {
            _fleet.Gitea.Versions.ShouldContain(v => v.Name == package && v.Version == version);
        }

        if (fixedObjectProtects is { } kind)
        {
            report.ReasonKinds("app", "unreferenced-1").ShouldContain(kind);
            _fleet.Gitea.Versions.ShouldContain(v => v.Name == "app" && v.Version == "unreferenced-1");
        }
    }

    [Fact]
    public async Task Run_ImagePolicyPatternThatBacktracksCatastrophically_FinishesAndMatchesInLinearTime()
    {
        var old = _fleet.Now.AddDays(-100);
        var evil = new string('a', 44) + "-";
        _fleet.Gitea.Push("oleks", "app", "aaaa", StoredManifest.Image("app aaaa"), old);
        _fleet.Gitea.Push("oleks", "app", evil, StoredManifest.Image("app evil"), old);
        _fleet.Cluster.Apply(FluxFaultObjects.AppImageRepository + FluxFaultObjects.ImagePolicy("as-only", "^(a+)+$"));

        var (result, report) = await RunDeleteAsync();

        // A backtracking engine needs 2^44 steps for the second tag: the run would time out or crash.
        result.ExitCode.ShouldBe(0, result.Stderr);
        report.Source("cluster:armer").GetProperty("status").GetString().ShouldBe("ok");
        report.ReasonKinds("app", "aaaa").ShouldContain("imagepolicy");
        report.Action("app", evil).ShouldBe("delete");
        _fleet.Gitea.Versions.ShouldContain(v => v.Name == "app" && v.Version == "aaaa");
        _fleet.Gitea.Versions.ShouldNotContain(v => v.Name == "app" && v.Version == evil);
    }

    [Fact]
    public async Task Run_ClusterRefusingConnections_FailedSourceKeepsTheCause()
    {
        _fleet.Folder.Write("kubeconfig", _fleet.Cluster.Kubeconfig("armer").Replace(_fleet.Cluster.Url.ToString().TrimEnd('/'), "http://127.0.0.1:9", StringComparison.Ordinal));

        var (result, report) = await RunDeleteAsync();

        result.ExitCode.ShouldBe(1);
        report.Source("cluster:armer").GetProperty("error").GetString()!.ShouldContain("Connection refused", Case.Insensitive);
        _fleet.Gitea.Requests.ShouldNotContain(r => r.Method == "DELETE");
    }

    [Fact]
    public async Task Run_ClusterClearedBetweenRuns_SecondRunSeesNothingAndDeletesNothingMore()
    {
        var (first, firstReport) = await RunDeleteAsync();
        first.ExitCode.ShouldBe(0, first.Stderr);
        firstReport.Source("cluster:armer").GetProperty("references").GetInt32().ShouldBeGreaterThan(10);
        var deletedFirst = _fleet.Gitea.Requests.Count(r => r.Method == "DELETE");

        // The same server, the same kubeconfig: it now answers every call with 200 and nothing.
        _fleet.Cluster.Clear();
        var (second, secondReport) = await RunDeleteAsync();

        secondReport.Source("cluster:armer").GetProperty("references").GetInt32().ShouldBe(0);
        second.ExitCode.ShouldBe(1);
        secondReport.Summary.GetProperty("blocked").GetBoolean().ShouldBeTrue();
        _fleet.Gitea.Requests.Count(r => r.Method == "DELETE").ShouldBe(deletedFirst);
    }

    // Puts the fault in place; returns what the cluster source's error must name.
    private string[] Inject(string fault)
    {
        switch (fault)
        {
            case "helm-v3-only":
                _fleet.Cluster.ServeOnly(HelmGroup, "v3");
                return [HelmGroup, "served only in v3"];
            case "image-v2-only":
                _fleet.Cluster.ServeOnly(ImageGroup, "v2");
                return [ImageGroup, "served only in v2"];
            case "deep-values":
                _fleet.Cluster.ApplyJson(FluxFaultObjects.DeepRelease(70));
                return ["armer/shop/HelmRelease/deep", "not the JSON expected", "depth of 64"];
            case "malformed-valuesfrom":
                _fleet.Cluster.Apply(FluxFaultObjects.ValuesConfigMap("image:\n  repository: git.oleks.space/oleks/app\n tag: [unreferenced-1\n") + FluxFaultObjects.ReleaseWithValuesFrom);
                return ["armer/shop/HelmRelease/from-values", "valuesFrom ConfigMap shop/extra-values key values.yaml", "malformed YAML at line"];
            case "alias-bomb":
                _fleet.Cluster.Apply(FluxFaultObjects.ValuesConfigMap(FluxFaultObjects.Laughs(9)) + FluxFaultObjects.ReleaseWithValuesFrom);
                return ["armer/shop/HelmRelease/from-values", "valuesFrom ConfigMap shop/extra-values key values.yaml", "more than 1000000 nodes"];
            case "lookahead-pattern":
                _fleet.Cluster.Apply(FluxFaultObjects.AppImageRepository + FluxFaultObjects.ImagePolicy("app-pick", "^unreferenced-1(?!-rc)"));
                return ["armer/kotkan/ImagePolicy/app-pick", "cannot run in linear time"];
            case "backreference-pattern":
                _fleet.Cluster.Apply(FluxFaultObjects.AppImageRepository + FluxFaultObjects.ImagePolicy("app-pick", @"^(\w+)-\1$"));
                return ["armer/kotkan/ImagePolicy/app-pick", "cannot run in linear time"];
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }
    }

    // Fixes the input; returns the reason kind the fixed object protects app:unreferenced-1 with, if it does.
    private string? Fix(string fault)
    {
        switch (fault)
        {
            case "helm-v3-only":
                _fleet.Cluster.ServeOnly(HelmGroup, "v2");
                return null;
            case "image-v2-only":
                _fleet.Cluster.ServeOnly(ImageGroup, "v1");
                return null;
            case "deep-values":
                _fleet.Cluster.ApplyJson(FluxFaultObjects.DeepRelease(3));
                return "helmrelease";
            case "malformed-valuesfrom" or "alias-bomb":
                _fleet.Cluster.Apply(FluxFaultObjects.ValuesConfigMap("image:\n  repository: git.oleks.space/oleks/app\n  tag: unreferenced-1\n"));
                return "helmrelease";
            default:
                _fleet.Cluster.Apply(FluxFaultObjects.ImagePolicy("app-pick", "^unreferenced-1$"));
                return "imagepolicy";
        }
    }

    private async Task<(CleanerProcess.Result Result, ReportJson Report)> RunDeleteAsync()
    {
        var result = await CleanerProcess.RunAsync("run", "--config", _fleet.Config(), "--delete", "--report", "json");
        return (result, new ReportJson(result.Stdout));
    }
}
