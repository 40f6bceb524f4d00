namespace OciCleanup.Integration.Tests.Support;

/// <summary>
/// The config.yaml the integration tests write, where each test names only what it changes. Sections are
/// one-line flow mappings, so no caller has to get YAML indentation right.
/// </summary>
internal static class ConfigFile
{
    public const string AuditLog = "auditLog: audit.jsonl";

    public const string Safety = "maxDeleteFraction: 1, stateDir: state";

    /// <summary>The retention default most tests start from: keep <paramref name="keepLast"/>, nothing by age.</summary>
    public static string KeepLast(int keepLast, string more = "") =>
        $"default: {{keepLast: {keepLast}, keepWithinDays: 0, minAgeHours: 0{more}}}";

    /// <summary>
    /// Writes config.yaml into <paramref name="folder"/>. <paramref name="registry"/>, <paramref name="retention"/>,
    /// <paramref name="safety"/> and <paramref name="report"/> are the contents of their flow mappings (no report
    /// section when null), <paramref name="pins"/> the pins file (no pins section when null), <paramref name="extra"/>
    /// whole top-level lines.
    /// </summary>
    public static string Write(
        TempFolder folder,
        string registry,
        string retention,
        string? report = AuditLog,
        string? pins = "pins.txt",
        string safety = Safety,
        string extra = "") => folder.Write("config.yaml", $$"""
        registries:
          - {{{registry}}}
        {{(pins is null ? "" : $"pins: {{files: [{pins}]}}")}}
        retention: {{{retention}}}
        safety: {{{safety}}}
        {{(report is null ? "" : $"report: {{{report}}}")}}
        {{extra}}
        """);

    /// <summary>Runs <c>run --config … --report json</c> with <paramref name="args"/>, which must exit 0, and reads the report.</summary>
    public static async Task<ReportJson> RunReportAsync(string config, params string[] args)
    {
        var result = await CleanerProcess.RunAsync(["run", "--config", config, "--report", "json", .. args]);
        result.ExitCode.ShouldBe(0, result.Stderr);
        return new ReportJson(result.Stdout);
    }
}
