using OciCleanup.Pins.Kubernetes;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using OciCleanup.Pins;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OciCleanup.Cleaner.Configuration;

/// <summary>
/// Reads the YAML configuration (SPEC §3). Unknown keys and bad values throw
/// <see cref="ConfigException"/> naming the file, line and key path. Relative paths in the
/// file are resolved against the file's folder.
/// </summary>
internal static class ConfigLoader
{
    public const string DefaultPath = "/etc/oci-cleanup/config.yaml";

    public static string ResolvePath(string? option) =>
        option ?? Environment.GetEnvironmentVariable("OCI_CLEANUP_CONFIG") ?? DefaultPath;

    /// <summary>Loads the configuration, or prints the error (file:line: key: problem) to stderr and returns null.</summary>
    public static async Task<CleanerConfig?> LoadOrReportAsync(string path)
    {
        try
        {
            return Load(path);
        }
        catch (ConfigException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return null;
        }
    }

    public static CleanerConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No .NET type names: what is wrong with the file, and where else a configuration can come from.
            var problem = e is FileNotFoundException or DirectoryNotFoundException ? "configuration file not found" : $"configuration file cannot be read ({e.Message.TrimEnd('.')})";
            throw new ConfigException(path, 0, "(file)", $"{problem}; give another with --config PATH or the OCI_CLEANUP_CONFIG environment variable");
        }

        return Parse(path, text);
    }

    public static CleanerConfig Parse(string path, string text)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            throw YamlSyntax.Error(path, e, scanner.CurrentPosition);
        }

        if (stream.Documents.Count == 0)
        {
            throw new ConfigException(path, 1, "(top level)", "the file is empty");
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? "/";
        string Resolve(string p) => System.IO.Path.GetFullPath(p, folder);

        var root = new YamlMapping(path, "", stream.Documents[0].RootNode);
        var mode = root.String("mode") switch
        {
            null or "dry-run" => RunMode.DryRun,
            "delete" => RunMode.Delete,
            var other => throw root.Error(root.Node("mode")!, "mode", $"must be dry-run or delete, not '{other}'"),
        };
        var schedule = root.String("schedule") ?? "0 30 3 * * ?";
        if (!IsCron(schedule))
        {
            throw root.Error(root.Node("schedule")!, "schedule", $"'{schedule}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week)");
        }

        var registries = root.Mappings("registries").Select(r => ReadRegistry(r, Resolve)).ToImmutableArray();
        var duplicate = registries.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw root.Error(root.Node("registries")!, "registries", $"two registries are named '{duplicate.Key}'");
        }

        var pins = root.Mapping("pins");
        var pinsFiles = pins?.Strings("files", []).Select(Resolve).ToImmutableArray() ?? [];
        pins?.RejectUnknownKeys();

        var clusters = root.Mappings("clusters").Select(c =>
        {
            var cluster = new ClusterConfig(c.RequiredString("name"), c.String("kubeconfig") is { } k ? Resolve(k) : null, c.String("context"))
            {
                Concurrency = c.Int("concurrency", ClusterConfig.DefaultConcurrency, 1, ClusterConfig.MaxConcurrency),
            };
            c.RejectUnknownKeys();
            return cluster;
        }).ToImmutableArray();

        var referencesNode = root.Mapping("references");
        var unknownHosts = referencesNode?.String("unknownHosts") switch
        {
            null or "protect" => UnknownHosts.Protect,
            "ignore" => UnknownHosts.Ignore,
            var other => throw referencesNode!.Error(referencesNode.Node("unknownHosts")!, referencesNode.Child("unknownHosts"), $"must be protect or ignore, not '{other}'"),
        };
        var rollback = RollbackSection.Read(referencesNode);
        var references = ReadReferences(referencesNode);
        var retention = ReadRetention(root.Mapping("retention"));
        var safety = ReadSafety(root.Mapping("safety"), Resolve);
        var reportNode = root.Mapping("report");
        var report = new ReportConfig(
            reportNode?.String("auditLog") is { } a ? Resolve(a) : null,
            reportNode?.String("metricsFile") is { } m ? Resolve(m) : null,
            reportNode?.Int("historyRuns", ReportConfig.DefaultHistoryRuns, 1, ReportConfig.MaxHistoryRuns) ?? ReportConfig.DefaultHistoryRuns,
            reportNode?.Bool("sizes", false) ?? false);
        reportNode?.RejectUnknownKeys();
        var daemonNode = root.Mapping("daemon");
        var daemon = new DaemonConfig(daemonNode?.String("listen") ?? "127.0.0.1:9465")
        {
            RunTimeout = daemonNode is null ? DaemonConfig.DefaultRunTimeout : DurationSetting.Read(daemonNode, "runTimeout", DaemonConfig.DefaultRunTimeout, DaemonConfig.MinRunTimeout, DaemonConfig.MaxRunTimeout),
        };
        daemonNode?.RejectUnknownKeys();
        root.RejectUnknownKeys();

        return new CleanerConfig(path, mode, schedule, registries, pinsFiles, clusters, references, retention, safety, report, daemon) { UnknownHosts = unknownHosts, Rollback = rollback };
    }

    private static bool IsCron(string expression)
    {
        try
        {
            _ = new Quartz.CronExpression(expression);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static RegistryConfig ReadRegistry(YamlMapping r, Func<string, string> resolve)
    {
        var name = r.RequiredString("name");
        var kind = r.RequiredString("kind") switch
        {
            "gitea" or "forgejo" => RegistryKind.Gitea,
            "oci" => RegistryKind.Oci,
            var other => throw r.Error(r.Node("kind")!, r.Child("kind"), $"must be gitea or oci, not '{other}'"),
        };
        var urlText = r.RequiredString("url");
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw r.Error(r.Node("url")!, r.Child("url"), $"'{urlText}' is not an http(s) URL");
        }

        var tokenFile = r.String("tokenFile");
        var tokenEnv = r.String("tokenEnv");
        if (tokenFile is not null && tokenEnv is not null)
        {
            throw r.Error(r.Node("tokenEnv")!, r.Child("tokenEnv"), "give tokenFile or tokenEnv, not both");
        }

        var token = tokenFile is not null ? new CredentialSource(resolve(tokenFile), null) : tokenEnv is not null ? new CredentialSource(null, tokenEnv) : null;
        var basicFile = r.String("basicAuthFile");
        var basic = basicFile is not null ? new CredentialSource(resolve(basicFile), null) : null;
        var owners = r.Strings("owners", []).ToImmutableArray();
        if (kind == RegistryKind.Gitea && owners.IsEmpty)
        {
            throw new ConfigException(r.File, r.Node("name")!.Start.Line, r.Child("owners"), "a gitea registry needs at least one owner");
        }

        var types = r.Strings("types", ["container"]).ToImmutableArray();
        foreach (var type in types.Where(t => !Pins.PinsFiles.PackageTypes.Known.Contains(t)))
        {
            throw r.Error(r.Node("types")!, r.Child("types"), $"unknown package type '{type}'");
        }

        var aliases = r.Strings("hostAliases", []).ToImmutableArray();
        var concurrency = r.Int("concurrency", RegistryConfig.DefaultConcurrency, 1, RegistryConfig.MaxConcurrency);
        var authRealms = r.Strings("authRealms", []).Select(h => h.ToLowerInvariant()).ToImmutableArray();
        foreach (var realm in authRealms.Where(h => !IsHostAndPort(h)))
        {
            throw r.Error(r.Node("authRealms")!, r.Child("authRealms"), $"'{realm}' is not a host name or host:port (a token service such as auth.docker.io)");
        }

        var repositories = r.Mapping("repositories");
        var include = repositories?.Strings("include", []).ToImmutableArray() ?? [];
        var exclude = repositories?.Strings("exclude", []).ToImmutableArray() ?? [];
        repositories?.RejectUnknownKeys();
        r.RejectUnknownKeys();
        return new RegistryConfig(name, kind, url, token, basic, owners, types, aliases, include, exclude) { Concurrency = concurrency, AuthRealms = authRealms };
    }

    /// <summary>A host name or IP address with an optional port, nothing else (no scheme, path or user).</summary>
    private static bool IsHostAndPort(string text) =>
        Uri.TryCreate("https://" + text + "/", UriKind.Absolute, out var uri)
        && uri.UserInfo.Length == 0 && uri.AbsolutePath == "/" && uri.Query.Length == 0
        && Uri.CheckHostName(uri.IdnHost.Trim('[', ']')) != UriHostNameType.Unknown
        && string.Equals(uri.IsDefaultPort && !text.EndsWith(":443", StringComparison.Ordinal) ? uri.Host : $"{uri.Host}:{uri.Port}", text, StringComparison.Ordinal);

    private static ReferenceKinds ReadReferences(YamlMapping? m)
    {
        if (m is null)
        {
            return new ReferenceKinds();
        }

        var config = new ReferenceKinds(
            m.Bool("workloads", true),
            m.Bool("replicaSetHistory", true),
            m.Bool("helmReleases", true),
            m.Bool("helmReleaseSecrets", true),
            m.Bool("imagePolicies", true),
            m.Bool("kustomizations", true));
        m.RejectUnknownKeys();
        return config;
    }

    private static RetentionConfig ReadRetention(YamlMapping? m)
    {
        if (m is null)
        {
            return new RetentionConfig(RetentionPolicy.Default, []);
        }

        var defaults = m.Mapping("default") is { } d ? ReadPolicy(d, RetentionPolicy.Default) : RetentionPolicy.Default;
        var packages = m.Mappings("packages").Select(p =>
        {
            var match = new Glob(p.RequiredString("match"));
            return new PackageRetention(match, ReadPolicy(p, defaults));
        }).ToImmutableArray();
        m.RejectUnknownKeys();
        return new RetentionConfig(defaults, packages);
    }

    private static RetentionPolicy ReadPolicy(YamlMapping m, RetentionPolicy fallback)
    {
        var policy = new RetentionPolicy(
            m.Int("keepLast", fallback.KeepLast, 0, RetentionPolicy.MaxKeepLast),
            m.Int("keepWithinDays", fallback.KeepWithinDays, 0, RetentionPolicy.MaxDays),
            m.Node("keepTags") is null ? fallback.KeepTags : Regexes(m, "keepTags"),
            m.Node("removeTags") is null ? fallback.RemoveTags : Regexes(m, "removeTags"),
            m.Int("untaggedAfterDays", fallback.UntaggedAfterDays, 0, RetentionPolicy.MaxDays),
            m.Int("minAgeHours", fallback.MinAgeHours, 0, RetentionPolicy.MaxDays * 24));
        m.RejectUnknownKeys();
        return policy;
    }

    // Linear time (as Go's RE2 in gcr-cleaner and Flux): no tag anyone pushes can stall a run. A
    // pattern that needs backtracking (backreferences, lookaround, atomic groups) is refused here.
    private static ImmutableArray<Regex> Regexes(YamlMapping m, string key) =>
        [.. m.Strings(key, []).Select((pattern, i) =>
        {
            try
            {
                return TagPattern.Compile(pattern);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                throw m.Error(m.Node(key)!, $"{m.Child(key)}[{i}]", $"bad regex '{pattern}': {e.Message}");
            }
        })];

    private static SafetyConfig ReadSafety(YamlMapping? m, Func<string, string> resolve)
    {
        if (m is null)
        {
            return new SafetyConfig();
        }

        var config = new SafetyConfig(
            m.Bool("failClosed", true),
            m.Int("maxDeletes", 500, 0, int.MaxValue),
            m.Fraction("maxDeleteFraction", 0.5),
            m.Fraction("maxProtectedShrink", 0.5),
            m.String("stateDir") is { } s ? resolve(s) : "/var/lib/oci-cleanup",
            m.Int("planMaxAgeHours", SafetyConfig.DefaultPlanMaxAgeHours, 1, 24 * 365));
        if (File.Exists(config.StateDir))
        {
            throw m.Error(m.Node("stateDir")!, m.Child("stateDir"), $"{config.StateDir} is a file, not a directory");
        }

        m.RejectUnknownKeys();
        return config;
    }
}
