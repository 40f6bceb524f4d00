using System.Text.Json.Nodes;
using OciCleanup.Integration.Tests.Oci;

namespace OciCleanup.Integration.Tests.Faults;

/// <summary>
/// The real distribution registry behind a <see cref="FaultProxy"/>: a catalog or tags list that is
/// cut short, answered with HTML, duplicated or looping is a failed source (SPEC §7), never a smaller
/// fleet; no DELETE goes out, and a run after the fault clears does the job.
/// </summary>
public sealed class OciListFaultTests : IAsyncLifetime
{
    private readonly OciFleet _fleet = new();

    public Task InitializeAsync() => _fleet.StartAsync(behindProxy: true);

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    private static bool IsCatalog(ProxiedExchange e) => e.Path == "/v2/_catalog";

    private static bool IsAppTags(ProxiedExchange e) => e.Path == "/v2/team/app/tags/list";

    private static ProxiedResponse DuplicateFirstTag(ProxiedResponse tags)
    {
        var json = JsonNode.Parse(tags.Text)!;
        var list = json["tags"]!.AsArray();
        list.Add(list[0]!.GetValue<string>());
        return tags.WithText(json.ToJsonString());
    }

    public static TheoryData<string, string> Faults() => new()
    {
        { "catalog html login with 200", @"GET v2/_catalog\?n=1000: the body is not the JSON expected" },
        // The reset may come before or after the headers were read: either way the cause is named.
        { "catalog cut short", @"GET v2/_catalog\?n=1000: (the body could not be read: )?connection reset" },
        { "catalog link loop", "Link loop" },
        { "tags list cut short", @"GET v2/team/app/tags/list\?n=1000: (the body could not be read: )?connection reset" },
        { "tags list with a tag twice", "was listed twice" },
        { "tags list without tags", "has no 'tags' list" },
    };

    private void Inject(string fault) => _fleet.Proxy.Faults = fault switch
    {
        "catalog html login with 200" => e => IsCatalog(e) ? new Fault.HtmlLogin() : null,
        "catalog cut short" => e => IsCatalog(e) ? new Fault.CutShort(0.5) : null,
        "catalog link loop" => e => IsCatalog(e) ? new Fault.Replace(e.Response.WithHeader("Link", "</v2/_catalog?n=1000>; rel=\"next\"")) : null,
        "tags list cut short" => e => IsAppTags(e) ? new Fault.CutShort(0.5) : null,
        "tags list with a tag twice" => e => IsAppTags(e) ? new Fault.Replace(DuplicateFirstTag(e.Response)) : null,
        "tags list without tags" => e => IsAppTags(e) ? new Fault.Replace(e.Response.WithText("{\"name\":\"team/app\"}")) : null,
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Delete_ListFault_FailsTheRegistrySourceDeletesNothingAndRecovers(string fault, string errorNames)
    {
        Inject(fault);

        var result = await CleanerProcess.RunAsync("run", "--config", _fleet.Config(_fleet.Proxy.Url), "--delete", "--report", "json");

        result.ExitCode.ShouldBe(1, result.Stderr);
        var report = new ReportJson(result.Stdout);
        var source = report.Source("registry:lan");
        source.GetProperty("status").GetString().ShouldBe("failed");
        source.GetProperty("error").GetString()!.ShouldMatch(errorNames, $"{fault}: {source.GetProperty("error").GetString()}");
        report.Summary.GetProperty("blocked").GetBoolean().ShouldBeTrue();
        _fleet.Proxy.Requests.ShouldNotContain(r => r.Method == "DELETE");

        _fleet.Proxy.Faults = null;
        var again = await CleanerProcess.RunAsync("run", "--config", _fleet.Config(_fleet.Proxy.Url), "--delete", "--report", "json");

        again.ExitCode.ShouldBe(0, again.Stderr);
        var deleted = new ReportJson(again.Stdout).Decisions.Where(d => d.TryGetProperty("result", out var r) && r.GetString() == "deleted").Select(d => d.GetProperty("version").GetString()).ToList();
        deleted.ShouldBe(OciFleet.Deleted, ignoreOrder: true);
    }

    [Fact]
    public async Task DryRun_ConcurrencyOne_TheRegistryNeverSeesTwoRequestsAtOnce()
    {
        // Creation times (image configs) and index children are read in parallel: at concurrency 1 one by one.
        var result = await CleanerProcess.RunAsync("run", "--config", _fleet.Config(_fleet.Proxy.Url, concurrency: 1), "--dry-run", "--report", "json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        _fleet.Proxy.Requests.Count.ShouldBeGreaterThan(OciFleet.Kept.Length + OciFleet.Deleted.Length);
        _fleet.Proxy.MaxInFlight.ShouldBe(1);
    }
}
