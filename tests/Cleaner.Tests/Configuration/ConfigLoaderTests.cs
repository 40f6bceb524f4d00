namespace OciCleanup.Cleaner.Tests.Configuration;

public class ConfigLoaderTests
{
    private const string Valid = """
        mode: dry-run
        schedule: "0 30 3 * * ?"
        registries:
          - name: main
            kind: gitea
            url: https://git.example.org
            tokenEnv: GITEA_TOKEN
            owners: [oleks, anton]
            hostAliases: [registry.lan:5000]
        pins:
          files: [/etc/registry-pins.txt]
        clusters:
          - name: armer
            kubeconfig: /etc/oci-cleanup/kubeconfig
            context: armer
        references:
          helmReleaseSecrets: false
        retention:
          default:
            keepLast: 10
            keepTags: ['^latest$', '^v\d+$']
          packages:
            - match: container/cms-plugins
              keepLast: 5
        safety:
          maxDeletes: 100
          maxDeleteFraction: 0.25
        report:
          auditLog: /var/lib/oci-cleanup/audit.jsonl
        """;

    [Fact]
    public void Parse_SpecExample_ReadsEverySection()
    {
        var config = ConfigLoader.Parse("/etc/oci-cleanup/config.yaml", Valid);

        config.Mode.ShouldBe(RunMode.DryRun);
        config.Registries.ShouldHaveSingleItem().Owners.ShouldBe(["oleks", "anton"]);
        config.Registries[0].Types.ShouldBe(["container"]);
        config.Registries[0].Hosts.ShouldBe(["git.example.org", "registry.lan:5000"]);
        config.Clusters.ShouldHaveSingleItem().Context.ShouldBe("armer");
        config.References.HelmReleaseSecrets.ShouldBeFalse();
        config.References.Workloads.ShouldBeTrue();
        config.Retention.For("container", "cms-plugins").KeepLast.ShouldBe(5);
        config.Retention.For("container", "cms-plugins").KeepTags.Length.ShouldBe(2);
        config.Retention.For("container", "other").KeepLast.ShouldBe(10);
        config.Safety.MaxDeleteFraction.ShouldBe(0.25);
        config.Safety.FailClosed.ShouldBeTrue();
    }

    [Theory]
    [InlineData("mode: dry-run\nretention:\n  default:\n    keepLats: 5\n", 4, "retention.default.keepLats", "unknown key")]
    [InlineData("mode: dryrun\n", 1, "mode", "must be dry-run or delete")]
    [InlineData("safty:\n  maxDeletes: 1\n", 1, "safty", "unknown key")]
    [InlineData("registries:\n  - name: a\n    kind: harbor\n    url: https://x\n", 3, "registries[0].kind", "must be gitea, oci or github")]
    [InlineData("registries:\n  - name: a\n    kind: gitea\n    url: https://x\n", 2, "registries[0].owners", "needs at least one owner")]
    [InlineData("registries:\n  - name: a\n    kind: oci\n    url: ftp://x\n", 4, "registries[0].url", "not an http(s) URL")]
    [InlineData("safety:\n  maxDeleteFraction: 2\n", 2, "safety.maxDeleteFraction", "from 0 to 1")]
    [InlineData("retention:\n  default:\n    keepLast: -1\n", 3, "retention.default.keepLast", "whole number")]
    [InlineData("retention:\n  default:\n    keepTags: ['(']\n", 3, "retention.default.keepTags[0]", "bad regex")]
    [InlineData("references:\n  workloads: yes please\n", 2, "references.workloads", "true or false")]
    [InlineData("schedule: every night\n", 1, "schedule", "Quartz cron")]
    [InlineData("pins: [a]\n", 1, "pins", "must be a mapping")]
    [InlineData("retention:\n  default:\n    keepWithinDays: 2147483647\n", 3, "retention.default.keepWithinDays", "from 0 to 36500")]
    [InlineData("retention:\n  default:\n    untaggedAfterDays: 99999999\n", 3, "retention.default.untaggedAfterDays", "from 0 to 36500")]
    [InlineData("retention:\n  default:\n    minAgeHours: 2147483647\n", 3, "retention.default.minAgeHours", "from 0 to 876000")]
    [InlineData("retention:\n  packages:\n    - match: container/x\n      keepWithinDays: 40000\n", 4, "retention.packages[0].keepWithinDays", "from 0 to 36500")]
    [InlineData("retention:\n  default:\n    keepTags: ['^(v)\\1$']\n", 3, "retention.default.keepTags[0]", "bad regex")]
    [InlineData("retention:\n  default:\n    removeTags: ['^(?=rc).*']\n", 3, "retention.default.removeTags[0]", "bad regex")]
    [InlineData("registries:\n  - name: a\n    kind: oci\n    url: https://x\n    concurrency: 0\n", 5, "registries[0].concurrency", "from 1 to 64")]
    [InlineData("registries:\n  - name: a\n    kind: oci\n    url: https://x\n    concurrency: 65\n", 5, "registries[0].concurrency", "from 1 to 64")]
    [InlineData("clusters:\n  - name: armer\n    concurrency: 17\n", 3, "clusters[0].concurrency", "from 1 to 16")]
    [InlineData("daemon:\n  runTimeout: 6\n", 2, "daemon.runTimeout", "a duration such as 90s, 45m or 6h")]
    [InlineData("daemon:\n  runTimeout: 0s\n", 2, "daemon.runTimeout", "from 1s to 168h")]
    [InlineData("daemon:\n  runTimeout: 200h\n", 2, "daemon.runTimeout", "from 1s to 168h")]
    public void Parse_BadConfig_NamesFileLineAndKeyPath(string yaml, int line, string keyPath, string problem)
    {
        var error = Should.Throw<ConfigException>(() => ConfigLoader.Parse("/etc/oci-cleanup/config.yaml", yaml));

        error.Message.ShouldStartWith($"/etc/oci-cleanup/config.yaml:{line}: {keyPath}: ");
        error.Message.ShouldContain(problem);
    }

    [Theory]
    [InlineData("mode: dry-run\n", 6 * 3600)]
    [InlineData("daemon:\n  runTimeout: 90s\n", 90)]
    [InlineData("daemon:\n  runTimeout: 45m\n", 45 * 60)]
    [InlineData("daemon:\n  listen: 127.0.0.1:9000\n  runTimeout: 2h\n", 2 * 3600)]
    public void Parse_DaemonRunTimeout_DefaultsToSixHoursAndTakesADuration(string yaml, int seconds)
    {
        var config = ConfigLoader.Parse("/etc/oci-cleanup/config.yaml", yaml);

        config.Daemon.RunTimeout.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("", 8, 4)]
    [InlineData("    concurrency: 32\n", 32, 4)]
    [InlineData("  - name: armer\n    concurrency: 1\n", 8, 1)]
    public void Parse_Concurrency_DefaultsToSpecAndTakesTheConfiguredValue(string extra, int registry, int cluster)
    {
        var clusterLines = extra.StartsWith("  - name", StringComparison.Ordinal) ? extra : "  - name: armer\n";
        var registryExtra = extra.StartsWith("  - name", StringComparison.Ordinal) ? "" : extra;
        var yaml = $"registries:\n  - name: a\n    kind: oci\n    url: https://x\n{registryExtra}clusters:\n{clusterLines}";

        var config = ConfigLoader.Parse("/etc/oci-cleanup/config.yaml", yaml);

        config.Registries[0].Concurrency.ShouldBe(registry);
        config.Clusters[0].Concurrency.ShouldBe(cluster);
    }

    [Fact]
    public void Parse_BacktrackingPattern_RunsInLinearTimeAgainstAHostileTag()
    {
        var config = ConfigLoader.Parse("/etc/oci-cleanup/config.yaml", "retention:\n  default:\n    keepTags: ['^(a+)+$']\n");
        var hostile = new string('a', 50_000) + "!";

        // A backtracking engine would take longer than the universe; NonBacktracking answers at once.
        config.Retention.Default.KeepTags[0].IsMatch(hostile).ShouldBeFalse();
        config.Retention.Default.KeepTags[0].Options.HasFlag(System.Text.RegularExpressions.RegexOptions.NonBacktracking).ShouldBeTrue();
    }

    [Fact]
    public void Load_StateDirIsAFile_NamesTheKeyAndLine()
    {
        using var folder = new TempFolder();
        folder.Write("state", "a file");
        var path = folder.Write("config.yaml", "mode: dry-run\nsafety:\n  stateDir: state\n");

        Should.Throw<ConfigException>(() => ConfigLoader.Load(path)).Message.ShouldBe($"{path}:3: safety.stateDir: {folder.Path}/state is a file, not a directory");
    }

    [Fact]
    public void Load_MissingFile_IsAConfigErrorThatSaysWhereElseAConfigCanCome()
    {
        Should.Throw<ConfigException>(() => ConfigLoader.Load("/nonexistent/config.yaml")).Message
            .ShouldBe("/nonexistent/config.yaml: configuration file not found; give another with --config PATH or the OCI_CLEANUP_CONFIG environment variable");
    }

    [Theory]
    [InlineData("mode: [\n", "2:1", "While parsing a node, did not find expected node content.")]
    [InlineData("mode: dry-run\nretention:\n  default:\n\tkeepLast: 3\n", "4:1", "tabs are not allowed for indentation (YAML indents with spaces)")]
    [InlineData("# 1\n# 2\n# 3\n# 4\n# 5\n# 6\n# 7\n# 8\n# 9\n# 10\n# 11\n# 12\n# 13\n# 14\n# 15\nretention:\n  default:\n\tkeepLast: 3\n", "18:1", "tabs are not allowed for indentation (YAML indents with spaces)")]
    [InlineData("mode: \"dry\nx: 1\n", "1:7", "While scanning a multi-line double-quoted scalar, found wrong indentation.")]
    public void Parse_SyntaxError_NamesTheLineAndColumnWhereTheScannerStopped(string yaml, string at, string problem)
    {
        var error = Should.Throw<ConfigException>(() => ConfigLoader.Parse("/etc/oci-cleanup/config.yaml", yaml));

        error.Message.ShouldBe($"/etc/oci-cleanup/config.yaml:{at}: (syntax): {problem}");
    }

    [Fact]
    public void Parse_RelativePaths_ResolveAgainstTheConfigFolder()
    {
        var config = ConfigLoader.Parse("/etc/oci-cleanup/config.yaml", "pins:\n  files: [pins.txt]\nsafety:\n  stateDir: state\n");

        config.PinsFiles.ShouldBe(["/etc/oci-cleanup/pins.txt"]);
        config.Safety.StateDir.ShouldBe("/etc/oci-cleanup/state");
    }
}
