using Microsoft.Extensions.Logging.Abstractions;
using OciCleanup.Cleaner.Execution;

namespace OciCleanup.Cleaner.Tests.Execution;

public sealed class DeleteExecutorTests : IDisposable
{
    private readonly string _audit = Path.Combine(Path.GetTempPath(), $"oci-cleanup-audit-{Guid.NewGuid():N}.jsonl");
    private readonly MemoryRegistry _registry = new(Some.Oci());

    public void Dispose() => File.Delete(_audit);

    private async Task<ImmutableDictionary<VersionKey, DeleteOutcome>> DeleteAllButAsync(string kept)
    {
        var versions = await _registry.ListVersionsAsync(CancellationToken.None);
        var plan = new Plan([.. versions.Select(v => new Decision(v, v.Version == kept ? DecisionAction.Keep : DecisionAction.Delete, [new Reason(Reason.Retention, new RetentionOrigin("old"))]))]);
        using var audit = AuditLog.Open(_audit, TimeProvider.System, "r1");
        return await new DeleteExecutor(new Dictionary<string, IRegistry> { ["lan"] = _registry }, audit, NullLogger.Instance).ExecuteAsync(plan, CancellationToken.None);
    }

    [Fact]
    public async Task Execute_OneDeleteByDigestRemovesTwoPlannedTags_EachIsDeletedAndAuditedWithTheManifest()
    {
        var build = _registry.Push("1.0.12", "b12");
        _registry.Push("stable", "b12");
        _registry.Push("1.0.13", "b13");

        var outcomes = await DeleteAllButAsync(kept: "1.0.13");

        outcomes.Values.ShouldAllBe(o => o is DeleteOutcome.Deleted);
        outcomes.Values.Select(o => o.Detail).ShouldAllBe(d => d == "one DELETE by digest removed 1.0.12, stable");
        var deleted = AuditTrail.Parse(await File.ReadAllLinesAsync(_audit)).Where(e => e.Result == "deleted").ToList();
        deleted.Select(e => e.Version).ShouldBe(["1.0.12", "stable"], ignoreOrder: true);
        deleted.ShouldAllBe(e => e.Digest == build.Digest.ToString() && e.RunId == "r1" && e.Manifest == Convert.ToBase64String(build.Bytes));
    }

    [Fact]
    public async Task Execute_ThenRestoreEitherTag_PutsBothBack()
    {
        var build = _registry.Push("1.0.12", "b12");
        _registry.Push("stable", "b12");
        _registry.Push("1.0.13", "b13");
        await DeleteAllButAsync(kept: "1.0.13");

        var trail = AuditTrail.Parse(await File.ReadAllLinesAsync(_audit));
        var entries = RestoreSelection.Select(trail, e => e.Version == "stable", _ => true);
        var outcomes = await new Restorer(new Dictionary<string, IRegistry> { ["lan"] = _registry }).RestoreAsync(entries, CancellationToken.None);

        outcomes.Select(o => o.Outcome).ShouldAllBe(o => o is RestoreOutcome.Restored);
        _registry["1.0.12"].ShouldBe(build.Digest);
        _registry["stable"].ShouldBe(build.Digest);
    }
}
