using OciCleanup.Cleaner.Execution;

namespace OciCleanup.Cleaner.Tests.Execution;

public sealed class DeleteExecutorTests : ExecutorTests
{
    private async Task<ImmutableDictionary<VersionKey, DeleteOutcome>> DeleteAllButAsync(string kept)
    {
        var versions = await Registry.ListVersionsAsync(CancellationToken.None);
        return await Run.ExecuteAsync(new Plan([.. versions.Select(v => new Decision(v, v.Version == kept ? DecisionAction.Keep : DecisionAction.Delete, [new Reason(Reason.Retention, new RetentionOrigin("old"))]))]));
    }

    [Fact]
    public async Task Execute_OneDeleteByDigestRemovesTwoPlannedTags_EachIsDeletedAndAuditedWithTheManifest()
    {
        var build = Registry.Push("1.0.12", "b12");
        Registry.Push("stable", "b12");
        Registry.Push("1.0.13", "b13");

        var outcomes = await DeleteAllButAsync(kept: "1.0.13");

        outcomes.Values.ShouldAllBe(o => o is DeleteOutcome.Deleted);
        outcomes.Values.Select(o => o.Detail).ShouldAllBe(d => d == "one DELETE by digest removed 1.0.12, stable");
        var deleted = (await Run.AuditAsync()).Where(e => e.Result == "deleted").ToList();
        deleted.Select(e => e.Version).ShouldBe(["1.0.12", "stable"], ignoreOrder: true);
        deleted.ShouldAllBe(e => e.Digest == build.Digest.ToString() && e.RunId == "r1" && e.Manifest == Convert.ToBase64String(build.Bytes));
    }

    [Fact]
    public async Task Execute_ThenRestoreEitherTag_PutsBothBack()
    {
        var build = Registry.Push("1.0.12", "b12");
        Registry.Push("stable", "b12");
        Registry.Push("1.0.13", "b13");
        await DeleteAllButAsync(kept: "1.0.13");

        var trail = (await Run.AuditAsync());
        var entries = RestoreSelection.Select(trail, e => e.Version == "stable", _ => true);
        var outcomes = await new Restorer(new Dictionary<string, IRegistry> { ["lan"] = Registry }).RestoreAsync(entries, CancellationToken.None);

        outcomes.Select(o => o.Outcome).ShouldAllBe(o => o is RestoreOutcome.Restored);
        Registry["1.0.12"].ShouldBe(build.Digest);
        Registry["stable"].ShouldBe(build.Digest);
    }
}
