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
        var commits = _fixture.CommitApi("1.0.1", "1.0.2", "1.0.3", "1.0.4", "1.0.5");

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
        var bad = _fixture.CommitApi("2.0.0", "2.1.0")[1];
        var revert = _fixture.Repo.Revert(bad);

        var result = await GitSourceFixture.CollectAsync(_fixture.Options(commits: 0));

        GitSourceFixture.Tags(result).ShouldBe([("2.0.0", $"infra@{revert[..7]}:apps/api.yaml:11", false)]);
    }

    [Fact]
    public async Task Collect_DaysWindow_ReadsOnlyCommitsYoungerThanTheWindow()
    {
        // The repository's commits are an hour apart, starting 30 days ago: a 1-day window reaches none of them but HEAD.
        _fixture.CommitApi("3.0.0", "3.1.0");

        var narrow = await GitSourceFixture.CollectAsync(_fixture.Options(commits: null, days: 1));
        var wide = await GitSourceFixture.CollectAsync(_fixture.Options(commits: null, days: 60));

        GitSourceFixture.Tags(narrow).Select(t => t.Tag).ShouldBe(["3.1.0"]);
        GitSourceFixture.Tags(wide).Select(t => t.Tag).ShouldBe(["3.1.0", "3.0.0"]);
    }

    [Fact]
    public async Task Collect_HistoryShorterThanAsked_WarnsAndReadsAllOfIt()
    {
        _fixture.CommitApi("4.0.0", "4.1.0");

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
        _fixture.CommitApi("5.0.0");
        await GitSourceFixture.CollectAsync(_fixture.Options(commits: 0));
        _fixture.CommitApi("5.1.0");

        var result = await GitSourceFixture.CollectAsync(_fixture.Options(commits: 0));

        GitSourceFixture.Tags(result).Select(t => t.Tag).ShouldBe(["5.1.0"]);
        File.Exists(Path.Combine(_fixture.Mirror, "HEAD")).ShouldBeTrue("the mirror is a bare repository in stateDir/git/NAME");
    }
}
