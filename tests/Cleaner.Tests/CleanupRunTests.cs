using Microsoft.Extensions.Logging.Abstractions;
using OciCleanup.Cleaner.Commands;

namespace OciCleanup.Cleaner.Tests;

/// <summary>A run over a registry in memory: what it hands back is the plan and a report already complete.</summary>
public sealed class CleanupRunTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly MemoryRegistry _registry = new(Some.Oci());

    public void Dispose() => _folder.Dispose();

    private async Task<RunOutcome> RunAsync(RunOptions options)
    {
        var path = Some.ConfigFile(_folder, keepLast: 1);
        var root = new CompositionRoot(TimeProvider.System, new TestConsole().Console) { RegistryMaker = (_, _, _, _) => _registry };
        var config = (await root.LoadConfigAsync(path)).ShouldNotBeNull();
        var (run, errors) = await RunSetup.CreateAsync(root, config, NullLoggerFactory.Instance, CancellationToken.None);
        return await run.ShouldNotBeNull(string.Join("; ", errors)).ExecuteAsync(options, CancellationToken.None);
    }

    [Fact]
    public async Task Execute_RunIdGiven_ReportIsBuiltWithIt()
    {
        var outcome = await RunAsync(new RunOptions(RunMode.DryRun) { RunId = "20260602T020000Z-abcd" });

        outcome.Report.RunId.ShouldBe("20260602T020000Z-abcd");
    }

    [Fact]
    public async Task Execute_DryRun_HandsBackThePlanTheReportWasMadeFrom()
    {
        _registry.Push("1.0", "1.0");
        _registry.Push("1.1", "1.1");

        var outcome = await RunAsync(new RunOptions(RunMode.DryRun));

        outcome.Plan.Decisions.Select(d => $"{d.Version} {d.Action}".ToLowerInvariant()).ShouldBe(outcome.Report.Decisions.Select(d => $"{d} {d.Action}"));
        outcome.Plan.Deletes.ShouldHaveSingleItem();
    }
}
