using Microsoft.Extensions.Logging.Abstractions;
using OciCleanup.Cleaner.Execution;

namespace OciCleanup.Cleaner.Tests.Support;

/// <summary>The delete executor over one in-memory distribution registry named <c>lan</c>, auditing to a file of its own.</summary>
internal sealed class ExecutorRun : IDisposable
{
    public string AuditPath { get; } = Path.Combine(Path.GetTempPath(), $"oci-cleanup-audit-{Guid.NewGuid():N}.jsonl");

    public MemoryRegistry Registry { get; } = new(Some.Oci());

    /// <summary>The kept versions the last execution found contradicted by the registry.</summary>
    public IReadOnlyList<PackageVersion> Contradicted { get; private set; } = [];

    public async Task<ImmutableDictionary<VersionKey, DeleteOutcome>> ExecuteAsync(Plan plan)
    {
        using var audit = AuditLog.Open(AuditPath, TimeProvider.System, "r1");
        var executor = new DeleteExecutor(new Dictionary<string, IRegistry> { ["lan"] = Registry }, audit, NullLogger.Instance);
        var outcomes = await executor.ExecuteAsync(plan, CancellationToken.None);
        Contradicted = executor.ContradictedKeptTags;
        return outcomes;
    }

    /// <summary>The audit lines written so far, read back.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditAsync() => AuditTrail.Parse(await File.ReadAllLinesAsync(AuditPath));

    public void Dispose() => File.Delete(AuditPath);
}
