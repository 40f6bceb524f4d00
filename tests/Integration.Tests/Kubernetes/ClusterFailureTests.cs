namespace OciCleanup.Integration.Tests.Kubernetes;

/// <summary>Fail closed (SPEC §7): a cluster that cannot be read completely blocks every delete.</summary>
public sealed class ClusterFailureTests : IAsyncLifetime
{
    private readonly ClusterFleet _fleet = new();

    public Task InitializeAsync() => _fleet.StartAsync();

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    private async Task<(CleanerProcess.Result Result, ReportJson Report)> RunDeleteAsync(string? config = null)
    {
        var result = await CleanerProcess.RunAsync("run", "--config", config ?? _fleet.Config(), "--delete", "--report", "json");
        return (result, new ReportJson(result.Stdout));
    }

    private void ShouldHaveDeletedNothing()
    {
        _fleet.Gitea.Requests.ShouldNotContain(r => r.Method == "DELETE");
        _fleet.Gitea.Versions.Count.ShouldBe(32);
    }

    [Theory]
    [InlineData("/api/v1/pods", 403)]
    [InlineData("/apis/apps/v1/deployments", 401)]
    [InlineData("/apis/helm.toolkit.fluxcd.io/v2/helmreleases", 500)]
    [InlineData("/api/v1/namespaces/shop/secrets/", 403)]
    public async Task Run_ListErrorAfterRetries_BlocksDeleteRunAndNamesTheCall(string path, int status)
    {
        _fleet.Cluster.Fail(path, status);

        var (result, report) = await RunDeleteAsync();

        result.ExitCode.ShouldBe(1);
        var source = report.Source("cluster:armer");
        source.GetProperty("status").GetString().ShouldBe("failed");
        source.GetProperty("error").GetString()!.ShouldContain($"HTTP {status}");
        source.GetProperty("error").GetString()!.ShouldContain(path.TrimEnd('/'));
        report.Summary.GetProperty("blocked").GetBoolean().ShouldBeTrue();
        report.Summary.GetProperty("blockedReason").GetString()!.ShouldContain("cluster:armer");
        report.Summary.GetProperty("deleted").GetInt32().ShouldBe(0);
        ShouldHaveDeletedNothing();
    }

    [Fact]
    public async Task Run_TransientServerError_IsRetriedAndTheRunProceeds()
    {
        _fleet.Cluster.Fail("/api/v1/pods", 503, times: 2);

        var (result, report) = await RunDeleteAsync();

        result.ExitCode.ShouldBe(0, result.Stderr);
        report.Source("cluster:armer").GetProperty("status").GetString().ShouldBe("ok");
        report.Action("app", "pod-spec").ShouldBe("keep");
        _fleet.Gitea.Requests.Count(r => r.Method == "DELETE").ShouldBe(report.Summary.GetProperty("deleted").GetInt32());
        _fleet.Gitea.Versions.ShouldContain(v => v.Name == "app" && v.Version == "pod-spec");
        _fleet.Gitea.Versions.ShouldNotContain(v => v.Name == "app" && v.Version == "unreferenced-1");
    }

    [Fact]
    public async Task Run_ClusterDiesMidScan_BlockedWithZeroDeletes()
    {
        var second = await _fleet.AddClusterAsync("lan", ClusterFleet.Workloads);
        // The second cluster answers a few list calls, then drops every connection.
        second.DieAfter(3);

        var (result, report) = await RunDeleteAsync();

        result.ExitCode.ShouldBe(1);
        report.Source("cluster:armer").GetProperty("status").GetString().ShouldBe("ok");
        report.Source("cluster:lan").GetProperty("status").GetString().ShouldBe("failed");
        report.Summary.GetProperty("blocked").GetBoolean().ShouldBeTrue();
        ShouldHaveDeletedNothing();
    }

    [Fact]
    public async Task Run_UnreachableCluster_Blocked()
    {
        _fleet.Folder.Write("kubeconfig-2", _fleet.Cluster.Kubeconfig("gone").Replace(_fleet.Cluster.Url.ToString().TrimEnd('/'), "http://127.0.0.1:9", StringComparison.Ordinal));

        var (result, report) = await RunDeleteAsync(_fleet.Config(extraClusters: "  - name: gone\n    kubeconfig: kubeconfig-2\n"));

        result.ExitCode.ShouldBe(1);
        report.Source("cluster:gone").GetProperty("status").GetString().ShouldBe("failed");
        ShouldHaveDeletedNothing();
    }

    [Fact]
    public async Task Run_ExpiredContinueToken_RestartsTheListAndMissesNothing()
    {
        var pods = string.Join("---\n", Enumerable.Range(0, 600).Select(i => $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: filler-{i:D4}
              namespace: zz-filler
            spec:
              containers:
                - name: c
                  image: git.oleks.space/oleks/app:unreferenced-2

            """));
        _fleet.Cluster.Apply(pods);
        _fleet.Cluster.ExpireContinueTokens();
        var expireOnce = 0;
        _fleet.Cluster.OnList = query =>
        {
            if (query.Contains("continue=", StringComparison.Ordinal) && Interlocked.Exchange(ref expireOnce, 1) == 0)
            {
                _fleet.Cluster.ExpireContinueTokens();
            }
        };

        var (result, report) = await RunDeleteAsync();

        result.ExitCode.ShouldBe(0, result.Stderr);
        report.Action("app", "unreferenced-2").ShouldBe("keep");
        var podLists = _fleet.Cluster.Requests.Where(r => r.Path == "/api/v1/pods").ToList();
        // 601 pods in pages of 250: the first continue was refused with 410, so the list ran again in full.
        podLists.Count.ShouldBe(1 + 1 + 3);
        podLists.Count(r => !r.Query.Contains("continue=", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task Run_FluxNotInstalled_IsANoteNotAFailure()
    {
        await _fleet.AddClusterAsync("plain", ClusterFleet.Workloads);

        var result = await CleanerProcess.RunAsync("run", "--config", _fleet.Config(), "--report", "json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var source = new ReportJson(result.Stdout).Source("cluster:plain");
        source.GetProperty("status").GetString().ShouldBe("ok");
        source.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ShouldBe(
            ["source.toolkit.fluxcd.io not installed", "helm.toolkit.fluxcd.io not installed", "image.toolkit.fluxcd.io not installed", "kustomize.toolkit.fluxcd.io not installed"]);
    }

    [Fact]
    public async Task Run_ReferenceKindsOff_ThoseReferencesDoNotProtect()
    {
        var (result, report) = await RunDeleteAsync(_fleet.Config(references: "references:\n  helmReleases: false\n  imagePolicies: false\n"));

        result.ExitCode.ShouldBe(0, result.Stderr);
        report.Action("app", "pod-spec").ShouldBe("keep");
        report.Action("app", "hr-active").ShouldBe("delete");
        report.Action("cms-plugins", "staging").ShouldBe("delete");
        _fleet.Cluster.Requests.ShouldNotContain(r => r.Path.Contains("fluxcd", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_OlderFluxServingOnlyBetaApis_IsReadThroughDiscovery()
    {
        var older = await _fleet.AddClusterAsync("older", """
            apiVersion: helm.toolkit.fluxcd.io/v2beta2
            kind: HelmRelease
            metadata:
              name: legacy
              namespace: shop
            spec:
              suspend: true
              valuesFrom:
                - kind: Secret
                  name: legacy-values
                  valuesKey: overrides.yaml
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: legacy-values
              namespace: shop
            stringData: {}
            data:
              overrides.yaml: aW1hZ2U6CiAgcmVwb3NpdG9yeTogZ2l0Lm9sZWtzLnNwYWNlL29sZWtzL2FwcAogIHRhZzogdW5yZWZlcmVuY2VkLTEK
            ---
            apiVersion: image.toolkit.fluxcd.io/v1beta2
            kind: ImageRepository
            metadata:
              name: app
              namespace: shop
            spec:
              image: git.oleks.space/oleks/app
            ---
            apiVersion: image.toolkit.fluxcd.io/v1beta2
            kind: ImagePolicy
            metadata:
              name: app
              namespace: shop
            spec:
              imageRepositoryRef:
                name: app
              filterTags:
                pattern: '^unreferenced-2$'
              policy:
                alphabetical:
                  order: asc
            status:
              latestImage: git.oleks.space/oleks/app:unreferenced-2
            """);

        var result = await CleanerProcess.RunAsync("run", "--config", _fleet.Config(), "--report", "json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var report = new ReportJson(result.Stdout);
        // The valuesFrom Secret (base64 of "image: {repository: …/app, tag: unreferenced-1}") and the old latestImage.
        report.Decision("app", "unreferenced-1").GetProperty("reasons").EnumerateArray()
            .ShouldContain(r => r.GetProperty("kind").GetString() == "helmrelease-suspended" && r.GetProperty("detail").GetString() == "older/shop/HelmRelease/legacy (image)");
        report.ReasonKinds("app", "unreferenced-2").ShouldContain("imagepolicy");
        older.Requests.ShouldContain(r => r.Path == "/apis/helm.toolkit.fluxcd.io/v2beta2/helmreleases");
        older.Requests.ShouldContain(r => r.Path == "/apis/image.toolkit.fluxcd.io/v1beta2/imagepolicies");
    }

    [Fact]
    public async Task Run_ClusterAnsweringWithNothing_BlockedByMaxProtectedShrink()
    {
        var first = await RunDeleteAsync(_fleet.Config());
        first.Result.ExitCode.ShouldBe(0, first.Result.Stderr);
        var deletedFirst = _fleet.Gitea.Requests.Count(r => r.Method == "DELETE");

        // Next night the kubeconfig points at the wrong (empty) cluster: everything answers 200 with nothing.
        await using var empty = new KubernetesTestServer("empty-token");
        await empty.StartAsync();
        _fleet.Folder.Write("kubeconfig", empty.Kubeconfig("armer"));

        var (result, report) = await RunDeleteAsync();

        result.ExitCode.ShouldBe(1);
        report.Source("cluster:armer").GetProperty("status").GetString().ShouldBe("ok");
        report.Summary.GetProperty("blockedReason").GetString()!.ShouldContain("maxProtectedShrink");
        _fleet.Gitea.Requests.Count(r => r.Method == "DELETE").ShouldBe(deletedFirst);
    }
}
