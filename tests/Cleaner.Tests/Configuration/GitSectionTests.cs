namespace OciCleanup.Cleaner.Tests.Configuration;

/// <summary>SPEC §3 <c>git:</c>: read strictly, and no password ever in a URL.</summary>
public class GitSectionTests
{
    private static CleanerConfig Parse(string git) => ConfigLoader.Parse("/etc/oci-cleanup/config.yaml", "git:\n" + git);

    [Fact]
    public void Parse_SpecExample_ReadsEveryKey()
    {
        var config = Parse("""
              - name: infra
                url: https://git.example.org/ops/infra.git
                branch: main
                paths: [apps/, clusters/]
                history: {commits: 50, days: 90}
                tokenFile: git-token
            """);

        var git = config.Git.ShouldHaveSingleItem();
        (git.Name, git.Url, git.Branch, git.HistoryCommits, git.HistoryDays).ShouldBe(("infra", "https://git.example.org/ops/infra.git", "main", 50, 90));
        git.Paths.ShouldBe(["apps/", "clusters/"]);
        git.TokenFile.ShouldBe("/etc/oci-cleanup/git-token");
    }

    [Fact]
    public void Parse_LocalPath_ResolvedAgainstTheConfigFolder()
    {
        var git = Parse("  - {name: infra, url: repos/infra}\n").Git.ShouldHaveSingleItem();

        (git.Url, git.Branch, git.HistoryCommits).ShouldBe(("/etc/oci-cleanup/repos/infra", "main", null));
    }

    [Theory]
    [InlineData("  - {name: infra, url: 'https://oleks:secret@git.example.org/ops/infra.git'}\n", "must not hold a password")]
    [InlineData("  - {name: infra, url: /srv/infra, tokenFile: t, sshKeyFile: k}\n", "not both")]
    [InlineData("  - {name: infra, url: /srv/infra, depth: 5}\n", "unknown key")]
    [InlineData("  - {name: infra, url: /srv/infra, history: {commit: 5}}\n", "unknown key")]
    [InlineData("  - {name: ../etc, url: /srv/infra}\n", "names a folder")]
    [InlineData("  - {name: infra, url: /srv/infra, branch: '--upload-pack=x'}\n", "is not a branch name")]
    [InlineData("  - {name: infra, url: /a}\n  - {name: infra, url: /b}\n", "two git sources")]
    public void Parse_Invalid_NamesTheProblem(string git, string problem)
    {
        var error = Should.Throw<ConfigException>(() => Parse(git));

        error.Message.ShouldContain(problem);
    }
}
