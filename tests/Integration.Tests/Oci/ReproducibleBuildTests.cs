using System.Text.Json;

namespace OciCleanup.Integration.Tests.Oci;

/// <summary>
/// SPEC §6 on the real distribution registry: nix, ko and buildpacks stamp image configs with
/// 1970-01-01, so `created` says nothing about when a tag was pushed. Such versions age from when
/// oci-cleanup first saw them (stateDir/first-seen.json): just pushed, they are kept; seen long ago,
/// they are cleaned like anything else.
/// </summary>
public sealed class ReproducibleBuildTests : IAsyncLifetime
{
    private readonly OciFleet _fleet = new();

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync(pushFleet: false);
        await _fleet.Push.PushImageAsync("nix/app", "nix-1", "built by nix 1", DateTimeOffset.UnixEpoch);
        await _fleet.Push.PushImageAsync("nix/app", "nix-2", "built by nix 2", DateTimeOffset.UnixEpoch);
        await _fleet.Push.PushChartAsync("charts/podinfo", "6.2.5");
    }

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    private async Task<ReportJson> RunAsync()
    {
        var config = ConfigFile.Write(_fleet.Folder, OciFleet.Lan(_fleet.Registry.Url), "default: {keepLast: 0, keepWithinDays: 14, minAgeHours: 0}", report: null, pins: null);
        return await ConfigFile.RunReportAsync(config, "--delete");
    }

    [Fact]
    public async Task Delete_ImageStamped1970PushedJustNow_IsKeptAsNewAndAgesFromFirstSeen()
    {
        var first = await RunAsync();

        first.Action("nix/app", "nix-1").ShouldBe("keep");
        first.ReasonKinds("nix/app", "nix-1").ShouldBe(["keep-within"]);
        first.Decision("nix/app", "nix-1").GetProperty("reasons")[0].GetProperty("detail").GetString()!.ShouldContain("first saw it");
        first.Decision("nix/app", "nix-1").GetProperty("createdAt").GetString()!.ShouldNotStartWith("1970");

        // Twenty days later, as far as oci-cleanup can know: first seen then, never re-pushed.
        var seenFile = Path.Combine(_fleet.Folder.Path, "state", "first-seen.json");
        var seen = JsonSerializer.Deserialize<Dictionary<string, DateTimeOffset>>(await File.ReadAllTextAsync(seenFile))!;
        seen.Count.ShouldBe(3, "two 1970 images and a chart with no created");
        var nix1 = first.Decision("nix/app", "nix-1").GetProperty("digest").GetString()!;
        seen[nix1] = DateTimeOffset.UtcNow.AddDays(-20);
        await File.WriteAllTextAsync(seenFile, JsonSerializer.Serialize(seen));

        var later = await RunAsync();

        later.Action("nix/app", "nix-1").ShouldBe("delete");
        later.ReasonKinds("nix/app", "nix-1").ShouldBe(["retention"]);
        later.Decision("nix/app", "nix-1").GetProperty("result").GetString().ShouldBe("deleted");
        later.Action("nix/app", "nix-2").ShouldBe("keep");
    }

    [Fact]
    public async Task Delete_ChartWithoutCreated_AgesFromFirstSeenSoItIsEventuallyCleaned()
    {
        var first = await RunAsync();

        first.Action("charts/podinfo", "6.2.5").ShouldBe("keep");
        first.Decision("charts/podinfo", "6.2.5").GetProperty("reasons")[0].GetProperty("detail").GetString()!.ShouldContain("first saw it");

        var seenFile = Path.Combine(_fleet.Folder.Path, "state", "first-seen.json");
        var seen = JsonSerializer.Deserialize<Dictionary<string, DateTimeOffset>>(await File.ReadAllTextAsync(seenFile))!;
        seen[first.Decision("charts/podinfo", "6.2.5").GetProperty("digest").GetString()!] = DateTimeOffset.UtcNow.AddDays(-30);
        await File.WriteAllTextAsync(seenFile, JsonSerializer.Serialize(seen));

        var later = await RunAsync();

        later.Action("charts/podinfo", "6.2.5").ShouldBe("delete", "a chart no one references does not stay forever just because it has no `created`");
        later.Decision("charts/podinfo", "6.2.5").GetProperty("result").GetString().ShouldBe("deleted");
    }
}
