using k8s;
using Microsoft.Extensions.Logging.Abstractions;
using OciCleanup.Pins.Kubernetes;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Integration.Tests.Kubernetes;

/// <summary>
/// The Flux groups a cluster source saw served (the lead's per-source breaker blocks when one of them
/// is gone), read over real HTTP from the Kubernetes test server as its discovery changes.
/// </summary>
public sealed class ClusterServedGroupsTests : IAsyncLifetime
{
    private readonly ClusterFleet _fleet = new();

    public Task InitializeAsync() => _fleet.StartAsync();

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    private Task<SourceResult> CollectAsync()
    {
        var kubeconfig = _fleet.Folder.Write("kubeconfig", _fleet.Cluster.Kubeconfig("armer"));
        var source = new ClusterReferenceSource("armer", () => new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig)), new ReferenceKinds(), NullLogger<ClusterReferenceSource>.Instance);
        return source.CollectAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CollectAsync_AsDiscoveryChanges_ServedGroupsFollowIt()
    {
        var full = await CollectAsync();
        full.Status.ShouldBe(SourceStatus.Ok);
        full.ServedGroups.ShouldBe([FluxApiVersions.SourceGroup, FluxApiVersions.HelmGroup, FluxApiVersions.ImageGroup]);

        _fleet.Cluster.Install("kustomize.toolkit.fluxcd.io/v1");
        (await CollectAsync()).ServedGroups.ShouldContain(FluxApiVersions.KustomizeGroup);

        // Served in a version this build cannot read: the source fails, and still says the group is served.
        _fleet.Cluster.ServeOnly(FluxApiVersions.HelmGroup, "v3");
        var newer = await CollectAsync();
        newer.Status.ShouldBe(SourceStatus.Failed);
        newer.ServedGroups.ShouldContain(FluxApiVersions.HelmGroup);

        _fleet.Cluster.Clear();
        var empty = await CollectAsync();
        empty.Status.ShouldBe(SourceStatus.Ok);
        empty.Protections.ShouldBeEmpty();
        empty.ServedGroups.ShouldBeEmpty();
    }
}
