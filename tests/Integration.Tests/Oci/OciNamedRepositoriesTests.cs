namespace OciCleanup.Integration.Tests.Oci;

/// <summary>
/// <c>repositories: {names: [...]}</c> against the real distribution registry behind a proxy that hides
/// the catalog (as Docker Hub and some Harbor setups do): the named repositories are listed by their tags
/// and nothing asks for <c>/v2/_catalog</c>; a named repository that does not exist fails the source.
/// </summary>
public sealed class OciNamedRepositoriesTests : IAsyncLifetime
{
    private readonly OciFleet _fleet = new();

    private FaultProxy _proxy => _fleet.Proxy;

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync(behindProxy: true);
        _fleet.Proxy.Faults = e => e.Path == "/v2/_catalog" ? new Fault.Status(404) : null;
    }

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    [Fact]
    public async Task Delete_NamedRepositoriesOnARegistryHidingItsCatalog_ListsThemByTagsWithNoCatalogRequest()
    {
        var result = await CleanerProcess.RunAsync("run", "--config", _fleet.Config(_proxy.Url, repositories: "{names: [team/app, team/other]}"), "--delete", "--report", "json");

        result.ExitCode.ShouldBe(0, result.Stderr + result.Stdout);
        _proxy.Requests.ShouldNotContain(r => r.Path.StartsWith("/v2/_catalog", StringComparison.Ordinal));
        var report = new ReportJson(result.Stdout);
        var deleted = report.Decisions.Where(d => d.TryGetProperty("result", out var r) && r.GetString() == "deleted").Select(d => d.GetProperty("version").GetString()).ToList();
        deleted.ShouldBe(OciFleet.Deleted, ignoreOrder: true);
        foreach (var tag in OciFleet.Kept)
        {
            report.Action("team/app", tag).ShouldBe("keep", tag);
        }

        report.ReasonKinds("team/other", "x1").ShouldBe(["keep-last"]);
        // Not named, so not listed: the catalog would have shown it.
        report.Decisions.ShouldNotContain(d => d.GetProperty("package").GetString() == "excluded/thing");
    }

    [Fact]
    public async Task Delete_NamedRepositoryThatDoesNotExist_FailsTheSourceNamingItAndDeletesNothing()
    {
        var result = await CleanerProcess.RunAsync("run", "--config", _fleet.Config(_proxy.Url, repositories: "{names: [team/app, team/gone]}"), "--delete", "--report", "json");

        result.ExitCode.ShouldBe(1, result.Stderr);
        var source = new ReportJson(result.Stdout).Source("registry:lan");
        source.GetProperty("status").GetString().ShouldBe("failed");
        source.GetProperty("error").GetString()!.ShouldContain("repository team/gone named in repositories.names does not exist");
        _proxy.Requests.ShouldNotContain(r => r.Method == "DELETE");
        _proxy.Requests.ShouldNotContain(r => r.Path.StartsWith("/v2/_catalog", StringComparison.Ordinal));
    }
}
