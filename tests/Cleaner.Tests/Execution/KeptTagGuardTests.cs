using OciCleanup.Cleaner.Execution;

namespace OciCleanup.Cleaner.Tests.Execution;

/// <summary>The executor reads each kept tag of a package live before the package's first delete, on a distribution registry too.</summary>
public sealed class KeptTagGuardTests : ExecutorTests
{
    private async Task<Plan> PlanAsync(string kept, Func<PackageVersion, PackageVersion>? keptAs = null)
    {
        var versions = await Registry.ListVersionsAsync(CancellationToken.None);
        return new Plan([.. versions.Select(v => v.Version == kept
            ? new Decision((keptAs ?? (k => k))(v), DecisionAction.Keep, [new Reason(Reason.KeepLast, new RetentionOrigin("newest"))])
            : new Decision(v, DecisionAction.Delete, [new Reason(Reason.Retention, new RetentionOrigin("old"))]))]);
    }

    /// <summary>Three builds pushed, the newest kept, the plan made: what each test then changes under it.</summary>
    private async Task<Plan> ThreeBuildsPlannedAsync()
    {
        Registry.Push("1.0.11", "b11");
        Registry.Push("1.0.12", "b12");
        Registry.Push("1.0.13", "b13");
        return await PlanAsync(kept: "1.0.13");
    }

    [Fact]
    public async Task Execute_KeptTagRepushedAfterPlanning_EveryDeleteOfThePackageIsSkipped()
    {
        var plan = await ThreeBuildsPlannedAsync();
        var repushed = Registry.Push("1.0.13", "b13 rebuilt");

        var outcomes = await Run.ExecuteAsync(plan);

        outcomes.Values.ShouldAllBe(o => o is DeleteOutcome.Skipped && o.Detail!.StartsWith($"kept tag 1.0.13 now names {repushed.Digest}", StringComparison.Ordinal));
        Registry["1.0.11"].ShouldNotBeNull();
        Registry["1.0.12"].ShouldNotBeNull();
        var skipped = (await Run.AuditAsync()).Where(e => e.Result == "skipped").Select(e => e.Version);
        skipped.ShouldBe(["1.0.11", "1.0.12"], ignoreOrder: true);
    }

    [Fact]
    public async Task Execute_KeptIndexListsAManifestPlannedForDelete_EveryDeleteOfThePackageIsSkipped()
    {
        Registry.Push("1.0.11", "b11");
        var child = Registry.Push("1.0.12", "b12");
        Registry.Push("1.4", "index");
        var plan = await PlanAsync(kept: "1.4", k => k with { MediaType = ManifestMediaTypes.OciIndex, Children = [child.Digest] });

        var outcomes = await Run.ExecuteAsync(plan);

        outcomes.Values.ShouldAllBe(o => o is DeleteOutcome.Skipped && o.Detail!.Contains($"lists {child.Digest}, which this run would delete", StringComparison.Ordinal));
        Registry["1.0.12"].ShouldBe(child.Digest);
    }

    [Fact]
    public async Task Execute_TwoKeptTagsRepushed_BothReportedContradictedOnce()
    {
        var plan = await ThreeBuildsPlannedAsync();
        plan = new Plan([.. plan.Decisions.Select(d => d.Version.Version == "1.0.12" ? d with { Action = DecisionAction.Keep } : d)]);
        Registry.Push("1.0.12", "b12 rebuilt");
        Registry.Push("1.0.13", "b13 rebuilt");

        var outcomes = await Run.ExecuteAsync(plan);

        outcomes.Values.ShouldAllBe(o => o is DeleteOutcome.Skipped);
        Run.Contradicted.Select(v => v.Version).ShouldBe(["1.0.12", "1.0.13"], ignoreOrder: true);
    }

    [Fact]
    public async Task Execute_KeptTagAsPlanned_DeletesGoAhead()
    {
        Registry.Push("1.0.12", "b12");
        Registry.Push("1.0.13", "b13");

        var outcomes = await Run.ExecuteAsync(await PlanAsync(kept: "1.0.13"));

        outcomes.Values.ShouldAllBe(o => o is DeleteOutcome.Deleted);
        Registry["1.0.12"].ShouldBeNull();
    }
}
