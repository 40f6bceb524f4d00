using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciCleanup.Cleaner.Tests.Commands;

/// <summary><c>plan --out</c> through the command line over a registry in memory: the file is the planner's deletes.</summary>
public sealed class PlanCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly TestConsole _console = new();
    private readonly MemoryRegistry _registry = new(Some.Oci());

    public PlanCommandTests()
    {
        foreach (var tag in new[] { "1.0", "1.1", "1.2", "1.3" })
        {
            _registry.Push(tag, tag);
        }
    }

    public void Dispose() => _folder.Dispose();

    private async Task<(JsonNode Plan, JsonNode Report)> PlanAsync(string format)
    {
        var config = Some.ConfigFile(_folder, keepLast: 2);
        var (plan, report) = (Path.Combine(_folder.Path, $"plan.{format}.json"), Path.Combine(_folder.Path, $"report.{format}"));

        var exit = await _console.InvokeAsync(["plan", "--out", plan, "--config", config, "--report", format, "--output", report, "--log-format", "json"], (_, _, _, _) => _registry);

        exit.ShouldBe(ExitCodes.Success, _console.Error);
        var lastReport = Path.Combine(_folder.Path, "state", "last-report.json");
        return (JsonNode.Parse(await File.ReadAllTextAsync(plan))!, JsonNode.Parse(await File.ReadAllTextAsync(lastReport))!);
    }

    private static string[] Deletes(JsonNode plan) => [.. plan["deletes"]!.AsArray().Select(d => $"{d!["package"]}=={d["version"]}@{d["digest"]}")];

    [Theory]
    [InlineData("json")]
    [InlineData("table")]
    public async Task Plan_AnyReportFormat_FileListsThePlannedDeletesWithTheRunsId(string format)
    {
        var (plan, report) = await PlanAsync(format);

        Deletes(plan).ShouldBe([$"team/app==1.2@{_registry["1.2"]}", $"team/app==1.3@{_registry["1.3"]}"]);
        Deletes(plan).ShouldBe([.. report["decisions"]!.AsArray().Where(d => d!["action"]!.GetValue<string>() == "delete").Select(d => $"{d!["package"]}=={d["version"]}@{d["digest"]}")]);
        plan["runId"]!.GetValue<string>().ShouldBe(report["runId"]!.GetValue<string>());
        plan["runId"]!.GetValue<string>().ShouldNotBeEmpty();
        JsonSerializer.Serialize(plan["deletes"]![0]).ShouldBe(
            $$"""{"registry":"lan","owner":null,"type":"container","package":"team/app","version":"1.2","digest":"{{_registry["1.2"]}}","createdAt":"{{Some.Now.AddDays(-90).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}"}""");
    }
}
