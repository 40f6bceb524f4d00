namespace OciCleanup.Integration.Tests.Commands;

/// <summary>
/// What a person reads when the command line, the configuration or a file named on it is wrong (issue 18
/// item 7): the real program as a process, exit 2, the exact words, and no request to the registry.
/// </summary>
public sealed class UsageMessageTests : IAsyncLifetime
{
    private const string Token = "usage-token";
    private readonly GiteaTestServer _gitea = new(Token);
    private readonly TempFolder _folder = new();

    public async Task InitializeAsync()
    {
        await _gitea.StartAsync();
        _gitea.Push("oleks", "cms-plugins", "staging", StoredManifest.Image("s"), DateTimeOffset.UtcNow.AddDays(-30));
        _folder.Write("token", Token);
    }

    public async Task DisposeAsync()
    {
        await _gitea.DisposeAsync();
        _folder.Dispose();
    }

    private string Config(string tokenLine = "tokenFile: token") => _folder.Write("config.yaml", $"""
        registries:
          - name: main
            kind: gitea
            url: {_gitea.Url}
            {tokenLine}
            owners: [oleks]
            hostAliases: [git.oleks.space]
        safety:
          stateDir: state
        """);

    // A usage error found before anything is contacted: exit 2, nothing on standard output and no request to
    // the registry; what it says on standard error.
    private async Task<string> UsageErrorAsync(params string[] args)
    {
        var result = await CleanerProcess.RunAsync(args);
        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        _gitea.Requests.ShouldBeEmpty();
        return result.Stderr;
    }

    [Fact]
    public async Task NoArguments_PrintsTheCommandListAndExitsTwo()
    {
        var result = await CleanerProcess.RunAsync();

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldStartWith("Required command was not provided.\n");
        result.Stderr.ShouldContain("Usage:\n  oci-cleanup [command] [options]");
        result.Stderr.ShouldContain("\n  run  ");
        result.Stderr.ShouldContain("\n  apply <plan>  ");
    }

    [Theory]
    [InlineData(new[] { "rnu" }, "Unrecognized command or argument 'rnu': did you mean 'run'?")]
    [InlineData(new[] { "run", "--dryrun" }, "Unrecognized command or argument '--dryrun': did you mean '--dry-run'?")]
    [InlineData(new[] { "hstory" }, "Unrecognized command or argument 'hstory': did you mean 'history'?")]
    public async Task Typo_SuggestsTheNearestCommandOrOption(string[] args, string expected) =>
        (await UsageErrorAsync(args)).ShouldBe(expected + "\n");

    [Fact]
    public async Task ConfigCheck_DefaultConfigMissing_SaysHowToGiveOne() =>
        (await UsageErrorAsync("config", "check")).ShouldBe("/etc/oci-cleanup/config.yaml: configuration file not found; give another with --config PATH or the OCI_CLEANUP_CONFIG environment variable\n");

    [Fact]
    public async Task ConfigCheck_TabOnLine18_NamesLine18()
    {
        var lines = Enumerable.Range(1, 15).Select(i => $"# comment {i}").Append("retention:").Append("  default:").Append("\tkeepLast: 3");
        var config = _folder.Write("tab.yaml", string.Join('\n', lines) + "\n");

        (await UsageErrorAsync("config", "check", "--config", config)).ShouldBe($"{config}:18:1: (syntax): tabs are not allowed for indentation (YAML indents with spaces)\n");
    }

    [Fact]
    public async Task ConfigCheck_TokenFileMissing_FailsNamingTheRegistryAndFile()
    {
        var config = Config("tokenFile: secrets/gitea-token");

        (await UsageErrorAsync("config", "check", "--config", config)).ShouldBe($"{config}: registry main: tokenFile: credential file {_folder.Path}/secrets/gitea-token does not exist\n");
    }

    [Fact]
    public async Task Run_TokenEnvUnset_UsageErrorBeforeAnyRequest()
    {
        var config = Config("tokenEnv: OCI_CLEANUP_TEST_UNSET_TOKEN");

        (await UsageErrorAsync("run", "--config", config, "--report", "json", "--log-format", "text"))
            .ShouldContain($"{config}: registry main: tokenEnv: environment variable OCI_CLEANUP_TEST_UNSET_TOKEN is not set\n");
    }

    [Fact]
    public async Task ConfigCheck_OneRegistry_SaysRegistryNotRegistries() =>
        (await CleanerProcess.OutputAsync("config", "check", "--config", Config())).ShouldContain("configuration ok (1 registry, 0 pins files, 0 clusters)\nregistry:main: ok, 1 version\n");

    [Fact]
    public async Task Apply_PlanFileMissing_SaysSoWithoutExceptionNames() =>
        (await UsageErrorAsync("apply", "nope.json", "--config", Config())).ShouldBe("plan file nope.json does not exist (write one with: oci-cleanup plan --out nope.json): nothing deleted\n");

    [Fact]
    public async Task Plan_OutIntoAMissingFolder_UsageErrorBeforeAnyRequest() =>
        (await UsageErrorAsync("plan", "--out", Path.Combine(_folder.Path, "missing-dir", "plan.json"), "--config", Config(), "--report", "json"))
            .ShouldBe($"plan --out {_folder.Path}/missing-dir/plan.json: the folder {_folder.Path}/missing-dir does not exist; create it first (nothing was contacted)\n");

    [Fact]
    public async Task Explain_ImageReferenceFromADeployment_ExplainsThePinItMeans()
    {
        var explained = await CleanerProcess.OutputAsync("explain", "git.oleks.space/oleks/cms-plugins:staging", "--config", Config());

        explained.ShouldStartWith("git.oleks.space/oleks/cms-plugins:staging is oleks:container/cms-plugins==staging in registry main\n");
        explained.ShouldContain("cms-plugins==staging");
        explained.ShouldContain("Decision: KEEP.");
    }

    [Fact]
    public async Task Explain_ImageOnAnUnconfiguredHost_NamesTheConfiguredHosts() =>
        (await UsageErrorAsync("explain", "ghcr.io/oleks/cms-plugins:staging", "--config", Config())).ShouldBe($"REF: ghcr.io/oleks/cms-plugins:staging is an image on ghcr.io, which no configured registry serves (configured hosts: {_gitea.Url.Authority}, git.oleks.space); give an image on one of those hosts, or a pin [OWNER:]TYPE/NAME==VERSION\n");
}
