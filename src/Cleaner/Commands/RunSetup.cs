using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Pins.PinsFiles;

namespace OciCleanup.Cleaner.Commands;

/// <summary>
/// Wires a <see cref="CleanupRun"/> from configuration: registries, pins files and clusters.
/// Invalid pins files and registry credentials that cannot be read are usage errors (exit 2) found before
/// anything is contacted.
/// </summary>
internal static class RunSetup
{
    public static async Task<(CleanupRun? Run, ImmutableArray<string> Errors)> CreateAsync(CompositionRoot root, CleanerConfig config, ILoggerFactory loggers, CancellationToken cancellationToken, bool remembers = true)
    {
        var sources = new List<NamedSource>();
        var errors = ImmutableArray.CreateBuilder<string>();
        foreach (var path in config.PinsFiles)
        {
            var file = await PinsFileReader.ReadAsync(path, cancellationToken);
            // A file that could not be read is a failed source (exit 1); a line that is not a pin is a usage error (exit 2).
            errors.AddRange(file.Errors.Where(e => e.Line > 0).Select(e => e.ToString()));
            sources.Add(new NamedSource($"pins:{path}", new PinsFileSource(file)));
        }

        sources.AddRange(root.Clusters(config, loggers));
        sources.AddRange(root.GitRepositories(config));
        errors.AddRange(CredentialCheck.Problems(config));
        if (errors.Count > 0)
        {
            return (null, errors.ToImmutable());
        }

        // What earlier runs read; `explain` (remembers: false) neither uses nor writes it: it leaves stateDir as it found it.
        var cache = remembers ? new Inventory.Store.InventoryCache(config.Safety.StateDir, loggers) : null;
        var run = new CleanupRun(config, root.Registries(config, loggers, cache), sources, new BaselineStore(config.Safety.StateDir), root.Clock, loggers.CreateLogger<CleanupRun>(), cache);
        return (run, []);
    }
}
