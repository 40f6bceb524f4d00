using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using OciCleanup.Cleaner.Execution;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Cleaner.Planning;
using OciCleanup.Cleaner.Tests.Support;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Tests.Execution;

/// <summary>The executor reads each kept tag of a package live before the package's first delete, on a distribution registry too.</summary>
public sealed class KeptTagGuardTests : IDisposable
{
    private readonly string _audit = Path.Combine(Path.GetTempPath(), $"oci-cleanup-audit-{Guid.NewGuid():N}.jsonl");
    private readonly MemoryRegistry _registry = new(Some.Oci());
    private IReadOnlyList<PackageVersion> _contradicted = [];

    public void Dispose() => File.Delete(_audit);

    private async Task<Plan> PlanAsync(string kept, Func<PackageVersion, PackageVersion>? keptAs = null)
    {
        var versions = await _registry.ListVersionsAsync(CancellationToken.None);
        return new Plan([.. versions.Select(v => v.Version == kept
            ? new Decision((keptAs ?? (k => k))(v), DecisionAction.Keep, [new Reason(Reason.KeepLast, new RetentionOrigin("newest"))])
            : new Decision(v, DecisionAction.Delete, [new Reason(Reason.Retention, new RetentionOrigin("old"))]))]);
    }

    private async Task<ImmutableDictionary<VersionKey, DeleteOutcome>> ExecuteAsync(Plan plan)
    {
        using var audit = AuditLog.Open(_audit, TimeProvider.System, "r1");
        var executor = new DeleteExecutor(new Dictionary<string, IRegistry> { ["lan"] = _registry }, audit, NullLogger.Instance);
        var outcomes = await executor.ExecuteAsync(plan, CancellationToken.None);
        _contradicted = executor.ContradictedKeptTags;
        return outcomes;
    }

    [Fact]
    public async Task Execute_KeptTagRepushedAfterPlanning_EveryDeleteOfThePackageIsSkipped()
    {
        _registry.Push("1.0.11", "b11");
        _registry.Push("1.0.12", "b12");
        _registry.Push("1.0.13", "b13");
        var plan = await PlanAsync(kept: "1.0.13");
        var repushed = _registry.Push("1.0.13", "b13 rebuilt");

        var outcomes = await ExecuteAsync(plan);

        outcomes.Values.ShouldAllBe(o => o is DeleteOutcome.Skipped && o.Detail!.StartsWith($"kept tag 1.0.13 now names {repushed.Digest}", StringComparison.Ordinal));
        _registry["1.0.11"].ShouldNotBeNull();
        _registry["1.0.12"].ShouldNotBeNull();
        var skipped = AuditTrail.Parse(await File.ReadAllLinesAsync(_audit)).Where(e => e.Result == "skipped").Select(e => e.Version);
        skipped.ShouldBe(["1.0.11", "1.0.12"], ignoreOrder: true);
    }

    [Fact]
    public async Task Execute_KeptIndexListsAManifestPlannedForDelete_EveryDeleteOfThePackageIsSkipped()
    {
        _registry.Push("1.0.11", "b11");
        var child = _registry.Push("1.0.12", "b12");
        _registry.Push("1.4", "index");
        var plan = await PlanAsync(kept: "1.4", k => k with { MediaType = ManifestMediaTypes.OciIndex, Children = [child.Digest] });

        var outcomes = await ExecuteAsync(plan);

        outcomes.Values.ShouldAllBe(o => o is DeleteOutcome.Skipped && o.Detail!.Contains($"lists {child.Digest}, which this run would delete", StringComparison.Ordinal));
        _registry["1.0.12"].ShouldBe(child.Digest);
    }

    [Fact]
    public async Task Execute_TwoKeptTagsRepushed_BothReportedContradictedOnce()
    {
        _registry.Push("1.0.11", "b11");
        _registry.Push("1.0.12", "b12");
        _registry.Push("1.0.13", "b13");
        var plan = await PlanAsync(kept: "1.0.13");
        plan = new Plan([.. plan.Decisions.Select(d => d.Version.Version == "1.0.12" ? d with { Action = DecisionAction.Keep } : d)]);
        _registry.Push("1.0.12", "b12 rebuilt");
        _registry.Push("1.0.13", "b13 rebuilt");

        var outcomes = await ExecuteAsync(plan);

        outcomes.Values.ShouldAllBe(o => o is DeleteOutcome.Skipped);
        _contradicted.Select(v => v.Version).ShouldBe(["1.0.12", "1.0.13"], ignoreOrder: true);
    }

    [Fact]
    public async Task Execute_KeptTagAsPlanned_DeletesGoAhead()
    {
        _registry.Push("1.0.12", "b12");
        _registry.Push("1.0.13", "b13");

        var outcomes = await ExecuteAsync(await PlanAsync(kept: "1.0.13"));

        outcomes.Values.ShouldAllBe(o => o is DeleteOutcome.Deleted);
        _registry["1.0.12"].ShouldBeNull();
    }
}
