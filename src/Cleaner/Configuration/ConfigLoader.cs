using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OciCleanup.Cleaner.Configuration;

/// <summary>
/// Reads the YAML configuration (docs/configuration.md, "The configuration file"). Unknown keys and bad values throw
/// <see cref="ConfigException"/> naming the file, line and key path. Relative paths in the
/// file are resolved against the file's folder. Each top-level section has its own reader
/// (<c>*Section.cs</c>); this class only parses the YAML and hands each section to its reader.
/// </summary>
internal static class ConfigLoader
{
    public const string DefaultPath = "/etc/oci-cleanup/config.yaml";

    public static string ResolvePath(string? option) =>
        option ?? Environment.GetEnvironmentVariable("OCI_CLEANUP_CONFIG") ?? DefaultPath;

    /// <summary>Loads the configuration, or prints the error (file:line: key: problem) to <paramref name="error"/> (default stderr) and returns null.</summary>
    public static async Task<CleanerConfig?> LoadOrReportAsync(string path, TextWriter? error = null)
    {
        try
        {
            return Load(path);
        }
        catch (ConfigException e)
        {
            await (error ?? Console.Error).WriteLineAsync(e.Message);
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

        // Sections are read in file order of the documentation, so the first error reported stays the same.
        var root = new YamlMapping(path, "", stream.Documents[0].RootNode);
        var mode = TopLevelSettings.ReadMode(root);
        var schedule = TopLevelSettings.ReadSchedule(root);
        var registries = RegistriesSection.Read(root, Resolve);
        var pinsFiles = PinsSection.Read(root.Mapping("pins"), Resolve);
        var clusters = root.Mappings("clusters").Select(c => ClustersSection.Read(c, Resolve)).ToImmutableArray();
        var referencesNode = root.Mapping("references");
        var rollback = RollbackSection.Read(referencesNode);
        var references = ReferencesSection.Read(referencesNode);
        var retention = RetentionSection.Read(root.Mapping("retention"));
        var safety = SafetySection.Read(root.Mapping("safety"), Resolve);
        var report = ReportSection.Read(root.Mapping("report"), Resolve);
        var daemon = DaemonSection.Read(root.Mapping("daemon"));
        var git = GitSection.Read(root, Resolve);
        root.RejectUnknownKeys();

        registries = [.. registries.Select(r => r with { StateDir = safety.StateDir })];
        return new CleanerConfig(path, mode, schedule, registries, pinsFiles, clusters, references.Kinds, retention, safety, report, daemon) { UnknownHosts = references.UnknownHosts, Git = git, Rollback = rollback };
    }
}
