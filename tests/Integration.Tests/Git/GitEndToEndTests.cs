namespace OciCleanup.Integration.Tests.Git;

/// <summary>
/// Issue 23's "done when": with no cluster configured, a repository whose history moved <c>api</c> through
/// five tags keeps those tags within the window, a tag never named anywhere is still cleaned, and a
/// repository that cannot be read blocks the run.
/// </summary>
public sealed class GitEndToEndTests : IAsyncLifetime
{
    private const string Token = "git-e2e-token";
    private static readonly string[] Moved = ["1.0.0", "1.0.1", "1.0.2", "1.0.3", "1.0.4"];
    private readonly GiteaFleet _fleet = new(Token);
    private GitRepo _repo = null!;

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync();
        var old = DateTimeOffset.UtcNow.AddDays(-100);
        _fleet.Gitea.Push("oleks", "api", "0.9.0", StoredManifest.Image("api 0.9.0"), old);
        foreach (var tag in Moved)
        {
            _fleet.Gitea.Push("oleks", "api", tag, StoredManifest.Image("api " + tag), old.AddDays(1));
        }

        _repo = new GitRepo(Path.Combine(_fleet.Folder.Path, "infra"));
        var host = _fleet.Gitea.Url.Authority;
        foreach (var tag in Moved)
        {
            _repo.Write("apps/api.yaml", GitSourceFixture.Deployment($"{host}/oleks/api:{tag}"));
            _repo.Commit("api " + tag);
        }
    }

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    private string Config => _fleet.Config(ConfigFile.KeepLast(0), pins: null, extra: "git: [{name: infra, url: infra, branch: main, paths: [apps/], history: {commits: 10}}]");

    private Task<CleanerProcess.Result> DeleteAsync() => CleanerProcess.RunAsync("run", "--config", Config, "--delete", "--report", "json");

    [Fact]
    public async Task Delete_TagsTheHistoryMovedThrough_KeptAndATagNeverNamedDeleted()
    {
        var result = await DeleteAsync();

        result.ExitCode.ShouldBe(0, result.Stderr);
        var report = new ReportJson(result.Stdout);
        report.Source("git:infra").GetProperty("status").GetString().ShouldBe("ok");
        foreach (var tag in Moved)
        {
            report.Action("api", tag).ShouldBe("keep", tag);
            report.ReasonKinds("api", tag)[0].ShouldBe("git", tag);
        }

        var head = report.Decision("api", "1.0.4").GetProperty("reasons")[0];
        head.GetProperty("detail").GetString()!.ShouldEndWith("apps/api.yaml:11");
        head.GetProperty("origin").GetProperty("atHead").GetBoolean().ShouldBeTrue();
        var history = report.Decision("api", "1.0.0").GetProperty("reasons")[0];
        history.GetProperty("detail").GetString()!.ShouldStartWith("infra@");
        history.GetProperty("origin").TryGetProperty("atHead", out _).ShouldBeFalse("false is left out: an earlier commit");
        var deletes = _fleet.Gitea.Requests.Where(r => r.Method == "DELETE").Select(r => Uri.UnescapeDataString(r.Path)).ToList();
        deletes.ShouldHaveSingleItem().ShouldEndWith("/api/0.9.0");
    }

    [Fact]
    public async Task Delete_RepositoryCannotBeRead_BlocksTheRunAndDeletesNothing()
    {
        Directory.Delete(_repo.Path, recursive: true);

        var result = await DeleteAsync();

        result.ExitCode.ShouldBe(1, result.Stderr);
        var report = new ReportJson(result.Stdout);
        report.Source("git:infra").GetProperty("status").GetString().ShouldBe("failed");
        report.Summary.GetProperty("blocked").GetBoolean().ShouldBeTrue();
        _fleet.Gitea.Requests.ShouldNotContain(r => r.Method == "DELETE");
    }
}
