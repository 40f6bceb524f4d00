using System.Net;

namespace OciCleanup.Integration.Tests.Oci;

/// <summary>
/// Issue 18 item 5 on the real distribution registry, which lists tags only: a kept index whose untagged
/// child is gone is a <c>broken-index</c> warning in a dry run (one HEAD per child no tag holds); while
/// every child resolves there is none.
/// </summary>
public sealed class BrokenIndexTests : IAsyncLifetime
{
    private readonly OciFleet _fleet = new();

    public Task InitializeAsync() => _fleet.StartAsync();

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    private async Task<IReadOnlyList<string>> BrokenIndexWarningsAsync() =>
        [.. (await ConfigFile.RunReportAsync(_fleet.Config())).Root.GetProperty("warnings").EnumerateArray()
            .Where(w => w.GetProperty("kind").GetString() == "broken-index").Select(w => w.GetProperty("detail").GetString()!)];

    [Fact]
    public async Task DryRun_KeptIndexWhoseUntaggedChildWasDeleted_WarnsBrokenIndex()
    {
        var (index, children) = await _fleet.Push.PushIndexAsync("team/app", "broken", "broken", DateTimeOffset.UtcNow.AddDays(-1), "amd64", "arm64");
        (await BrokenIndexWarningsAsync()).ShouldBeEmpty();

        using (var http = new HttpClient())
        {
            (await http.DeleteAsync(new Uri(_fleet.Registry.Url, $"v2/team/app/manifests/{children[1].Digest}"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        (await BrokenIndexWarningsAsync()).ShouldHaveSingleItem().ShouldBe(
            $"lan:container/team/app: the kept index broken ({index}) lists 1 child manifest(s) the registry does not hold ({children[1].Digest}) — a pull of that platform fails: push the image again");
    }
}
