using OciCleanup.Pins.Protection;

namespace OciCleanup.Integration.Tests.Git;

/// <summary>SPEC §5c: HEAD names what Flux applies next, the commits of the window what a revert brings back.</summary>
public sealed class GitHistoryTests : IDisposable
{
    private readonly GitSourceFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Collect_CommitsThatMoveATag_ProtectsEveryTagOfTheWindowHeadAsHead()
    {
        var commits = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            _fixture.Repo.Write("apps/api.yaml", GitSourceFixture.Deployment($"registry.example.org/team/api:1.0.{i}"));
            commits.Add(_fixture.Repo.Commit($"api 1.0.{i}"));
        }

        var result = await GitSourceFixture.CollectAsync(_fixture.Options(commits: 3));

        result.Status.ShouldBe(SourceStatus.Ok, result.Error);
        var tags = GitSourceFixture.Tags(result);
        tags.Select(t => t.Tag).ShouldBe(["1.0.5", "1.0.4", "1.0.3", "1.0.2"], "HEAD and the three commits before it");
        tags[0].Detail.ShouldBe($"infra@{commits[4][..7]}:apps/api.yaml:11");
        tags[0].History.ShouldBeFalse();
        GitSourceFixture.AtHead(result.Protections[0]).ShouldBeTrue();
        tags[1].Detail.ShouldBe($"infra@{commits[3][..7]}:apps/api.yaml:11");
        tags.Skip(1).ShouldAllBe(t => t.History);
        result.Protections.Skip(1).ShouldAllBe(p => !GitSourceFixture.AtHead(p));
    }

    [Fact]
    public async Task Collect_ARevert_HeadNamesTheTagAgain()
    {
        _fixture.Repo.Write("apps/api.yaml", GitSourceFixture.Deployment("registry.example.org/team/api:2.0.0"));
        _fixture.Repo.Commit("api 2.0.0");
        _fixture.Repo.Write("apps/api.yaml", GitSourceFixture.Deployment("registry.example.org/team/api:2.1.0"));
        var bad = _fixture.Repo.Commit("api 2.1.0");
        var revert = _fixture.Repo.Revert(bad);

        var result = await GitSourceFixture.CollectAsync(_fixture.Options(commits: 0));

        GitSourceFixture.Tags(result).ShouldBe([("2.0.0", $"infra@{revert[..7]}:apps/api.yaml:11", false)]);
    }

    [Fact]
    public async Task Collect_DaysWindow_ReadsOnlyCommitsYoungerThanTheWindow()
    {
        // The repository's commits are an hour apart, starting 30 days ago: a 1-day window reaches none of them but HEAD.
        _fixture.Repo.Write("apps/api.yaml", GitSourceFixture.Deployment("registry.example.org/team/api:3.0.0"));
        _fixture.Repo.Commit("api 3.0.0");
        _fixture.Repo.Write("apps/api.yaml", GitSourceFixture.Deployment("registry.example.org/team/api:3.1.0"));
        _fixture.Repo.Commit("api 3.1.0");

        var narrow = await GitSourceFixture.CollectAsync(_fixture.Options(commits: null, days: 1));
        var wide = await GitSourceFixture.CollectAsync(_fixture.Options(commits: null, days: 60));

        GitSourceFixture.Tags(narrow).Select(t => t.Tag).ShouldBe(["3.1.0"]);
        GitSourceFixture.Tags(wide).Select(t => t.Tag).ShouldBe(["3.1.0", "3.0.0"]);
    }

    [Fact]
    public async Task Collect_HistoryShorterThanAsked_WarnsAndReadsAllOfIt()
    {
        _fixture.Repo.Write("apps/api.yaml", GitSourceFixture.Deployment("registry.example.org/team/api:4.0.0"));
        _fixture.Repo.Commit("api 4.0.0");
        _fixture.Repo.Write("apps/api.yaml", GitSourceFixture.Deployment("registry.example.org/team/api:4.1.0"));
        _fixture.Repo.Commit("api 4.1.0");

        var result = await GitSourceFixture.CollectAsync(_fixture.Options(commits: 50));

        result.Status.ShouldBe(SourceStatus.Ok);
        GitSourceFixture.Tags(result).Select(t => t.Tag).ShouldBe(["4.1.0", "4.0.0"]);
        var warning = result.Warnings.ShouldHaveSingleItem();
        warning.Kind.ShouldBe(WarningKind.ShortHistory);
        warning.Detail.ShouldContain("only 1 commit(s) before HEAD");
    }

    [Fact]
    public async Task Collect_SecondFetch_SeesTheNewCommitIncrementally()
    {
        _fixture.Repo.Write("apps/api.yaml", GitSourceFixture.Deployment("registry.example.org/team/api:5.0.0"));
        _fixture.Repo.Commit("api 5.0.0");
        await GitSourceFixture.CollectAsync(_fixture.Options(commits: 0));
        _fixture.Repo.Write("apps/api.yaml", GitSourceFixture.Deployment("registry.example.org/team/api:5.1.0"));
        _fixture.Repo.Commit("api 5.1.0");

        var result = await GitSourceFixture.CollectAsync(_fixture.Options(commits: 0));

        GitSourceFixture.Tags(result).Select(t => t.Tag).ShouldBe(["5.1.0"]);
        File.Exists(Path.Combine(_fixture.Mirror, "HEAD")).ShouldBeTrue("the mirror is a bare repository in stateDir/git/NAME");
    }
}
