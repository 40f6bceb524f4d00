namespace OciCleanup.Integration.Tests.Gitea;

/// <summary>The whole program against the Gitea API test server over loopback HTTP, in dry-run.</summary>
public sealed class GiteaDryRunTests : IAsyncLifetime
{
    private const string Token = "gitea-test-token-5f2c";
    private readonly GiteaFleet _fleet = new(Token);
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync();
        // Seed 003: one build a day; staging and staging-latest follow every build; production is old.
        for (var build = 1; build <= 40; build++)
        {
            var manifest = StoredManifest.Image($"build {build}");
            var at = _now.AddDays(-(41 - build));
            _fleet.Gitea.Push("oleks", "cms-plugins", $"0.1.{build}", manifest, at);
            _fleet.Gitea.Push("oleks", "cms-plugins", "staging", manifest, at);
            _fleet.Gitea.Push("oleks", "cms-plugins", "staging-latest", manifest, at);
            if (build == 20)
            {
                _fleet.Gitea.Push("oleks", "cms-plugins", "production", manifest, at);
            }
        }

        // Enough other versions that the owner list needs three pages of 50.
        for (var i = 1; i <= 60; i++)
        {
            _fleet.Gitea.Push("oleks", "other", $"1.0.{i}", StoredManifest.Image($"other {i}"), _now.AddDays(-i));
        }

        _fleet.Gitea.Add("oleks", "npm", "left-pad", "1.3.0", _now.AddDays(-400));
        _fleet.Folder.Write("token", Token + "\n");
    }

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    private string Config(string pins = "pins.txt", string extra = "") =>
        _fleet.Config("packages: [{match: container/cms-plugins, keepLast: 5}]", report: null, pins: pins, safety: "maxDeleteFraction: 0.95, stateDir: state", extra: extra);

    // The program with pins.txt holding pins, and the config above.
    private Task<CleanerProcess.Result> RunAsync(string pins, params string[] args)
    {
        _fleet.Folder.Write("pins.txt", pins);
        return CleanerProcess.RunAsync([.. args, "--config", Config()]);
    }

    // As RunAsync, for a command that must work: exit 0; what it wrote to standard output.
    private async Task<string> OkAsync(string pins, params string[] args)
    {
        var result = await RunAsync(pins, args);
        result.ExitCode.ShouldBe(0, result.Stderr);
        return result.Stdout;
    }

    [Fact]
    public async Task Run_Seed003WithPins_KeepsFloatingTagsAndPlansOldBuilds()
    {
        var report = new ReportJson(await OkAsync("# floating tags\ncontainer/cms-plugins==staging\ncontainer/cms-plugins==production\n", "run", "--report", "json"));

        report.Root.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        report.Root.GetProperty("mode").GetString().ShouldBe("dry-run");
        report.Action("cms-plugins", "staging").ShouldBe("keep");
        report.ReasonKinds("cms-plugins", "staging")[0].ShouldBe("pin");
        report.Action("cms-plugins", "production").ShouldBe("keep");
        report.ReasonKinds("cms-plugins", "production").ShouldBe(["pin"]);
        report.Decision("cms-plugins", "production").GetProperty("reasons")[0].GetProperty("detail").GetString().ShouldEndWith("pins.txt:3");
        report.Action("cms-plugins", "0.1.3").ShouldBe("delete");
        report.ReasonKinds("cms-plugins", "0.1.3").ShouldBe(["retention"]);
        report.Decision("cms-plugins", "0.1.3").GetProperty("digest").GetString().ShouldBe(StoredManifest.Image("build 3").Digest);
        report.Summary.GetProperty("versions").GetInt32().ShouldBe(43 + 60);
        report.Summary.GetProperty("blocked").GetBoolean().ShouldBeFalse();
        report.Source("registry:main").GetProperty("status").GetString().ShouldBe("ok");
        report.Root.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString()!.StartsWith("pins:", StringComparison.Ordinal)).GetProperty("references").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Run_DryRun_SendsNoWriteAndNoWholePackageRequest()
    {
        var report = new ReportJson(await OkAsync("container/cms-plugins==staging\n", "run", "--report", "json"));

        report.Summary.GetProperty("delete").GetInt32().ShouldBeGreaterThan(0);
        _fleet.Gitea.Requests.ShouldNotBeEmpty();
        _fleet.Gitea.Requests.ShouldAllBe(r => r.Method == "GET" || r.Method == "HEAD");
        _fleet.Gitea.Versions.Count.ShouldBe(104);
    }

    [Fact]
    public async Task Run_OwnerListBeyondOnePage_ReadsEveryPageOnceWithTheToken()
    {
        await OkAsync("", "run", "--report", "json");

        var lists = _fleet.Gitea.Requests.Where(r => r.Path == "/api/v1/packages/oleks").ToList();
        // Pages 2 and 3 are requested together once page 1 gives the total: each once, in any order.
        lists[0].Query.ShouldBe("?type=container&page=1&limit=50");
        lists.Select(r => r.Query).ShouldBe(["?type=container&page=1&limit=50", "?type=container&page=2&limit=50", "?type=container&page=3&limit=50"], ignoreOrder: true);
        lists.ShouldAllBe(r => r.Authorization == "token " + Token);
        // One HEAD per container version and nothing else: the fewest requests the API allows.
        _fleet.Gitea.Requests.Count(r => r.Method == "HEAD").ShouldBe(103);
        _fleet.Gitea.Requests.Count.ShouldBe(3 + 103);
    }

    [Fact]
    public async Task Run_InvalidPinsFile_ExitsTwoNamingFileAndLineAndContactsNothing()
    {
        var result = await RunAsync("container/cms-plugins==staging\ncontainer/cms-plugins=production\n", "run", "--report", "json");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain($"{_fleet.Folder.Path}/pins.txt:2: ");
        _fleet.Gitea.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_MissingPinsFile_FailsClosedWithExitOne()
    {
        var result = await CleanerProcess.RunAsync("run", "--config", Config(pins: "missing-pins.txt"), "--report", "json");

        result.ExitCode.ShouldBe(1);
        var report = new ReportJson(result.Stdout);
        report.Summary.GetProperty("blocked").GetBoolean().ShouldBeTrue();
        report.Summary.GetProperty("blockedReason").GetString()!.ShouldContain("pins file not found");
        report.Source($"pins:{Path.Combine(_fleet.Folder.Path, "missing-pins.txt")}").GetProperty("status").GetString().ShouldBe("failed");
    }

    [Fact]
    public async Task Run_WrongToken_RegistryFailsAndRunExitsOne()
    {
        _fleet.Folder.Write("token", "not-the-token");

        var result = await RunAsync("", "run", "--report", "json");

        result.ExitCode.ShouldBe(1);
        var source = new ReportJson(result.Stdout).Source("registry:main");
        source.GetProperty("status").GetString().ShouldBe("failed");
        source.GetProperty("error").GetString()!.ShouldContain("401");
        (result.Stdout + result.Stderr).ShouldNotContain("not-the-token");
    }

    [Fact]
    public async Task Run_UnknownConfigKey_ExitsTwoWithKeyPath()
    {
        _fleet.Folder.Write("pins.txt", "");
        var config = Config(extra: "referencs:\n  workloads: false\n");

        var result = await CleanerProcess.RunAsync("run", "--config", config);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain($"{config}:");
        result.Stderr.ShouldContain("referencs: unknown key");
        _fleet.Gitea.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("table", "  keep  ")]
    [InlineData("markdown", "| keep |")]
    [InlineData("html", "<tr class=\"decision keep\"")]
    public async Task Run_HumanReportFormats_ShowDecisionsWithReasons(string format, string marker)
    {
        var output = Path.Combine(_fleet.Folder.Path, "report.out");

        await OkAsync("container/cms-plugins==production\n", "run", "--report", format, "--output", output);

        var text = await File.ReadAllTextAsync(output);
        text.ShouldContain(marker);
        text.ShouldContain("production");
        text.ShouldContain("pinned by ");
        text.ShouldContain("retention: older than");
    }

    [Fact]
    public async Task Explain_PinnedTag_SaysKeepAndWhy()
    {
        var explained = await OkAsync("container/cms-plugins==production\n", "explain", "container/cms-plugins==production");

        explained.ShouldContain("cms-plugins==production");
        explained.ShouldContain("Decision: KEEP.");
        explained.ShouldContain("It is pinned by line 1 of the pins file");
    }

    [Fact]
    public async Task PinsCheck_BadFile_PrintsFileLineErrorsAndExitsTwo()
    {
        var good = _fleet.Folder.Write("good.txt", "container/cms-plugins==staging\n");
        var bad = _fleet.Folder.Write("bad.txt", "# ok\ncontainer/cms-plugins==staging\nfoo\n");

        var result = await CleanerProcess.RunAsync("pins", "check", good, bad);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain($"{bad}:3: 'foo' is not a pin");
        result.Stdout.ShouldContain($"{good}: 1 pin, ok");
    }

    [Fact]
    public async Task Run_TokenFileMissing_UsageErrorNamingTheRegistryAndFileBeforeAnyRequest()
    {
        File.Delete(Path.Combine(_fleet.Folder.Path, "token"));

        var result = await RunAsync("", "run", "--delete", "--report", "json");

        // SPEC §2: a configuration that cannot work is exit 2, found before anything is contacted.
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain($"registry main: tokenFile: credential file {_fleet.Folder.Path}/token does not exist");
        _fleet.Gitea.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ConfigCheck_ReachableRegistry_SaysOkReadOnly()
    {
        var said = await OkAsync("container/cms-plugins==staging\n", "config", "check");

        said.ShouldContain("configuration ok (1 registry, 1 pins file, 0 clusters)");
        said.ShouldContain("registry:main: ok, 103 versions");
        _fleet.Gitea.Requests.ShouldAllBe(r => r.Method == "GET" || r.Method == "HEAD");
    }

    [Fact]
    public async Task ConfigCheck_WrongToken_ExitsOneNamingTheRegistry()
    {
        _fleet.Folder.Write("token", "wrong");

        var result = await RunAsync("", "config", "check");

        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldContain("registry:main: FAILED");
        result.Stdout.ShouldContain("401");
    }
}
