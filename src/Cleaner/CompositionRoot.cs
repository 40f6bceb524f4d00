using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Commands;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Inventory;

namespace OciCleanup.Cleaner;

/// <summary>
/// The one place that builds what commands and runs share: the clock, the console, loggers, registries
/// and cluster and git sources. <see cref="Cli"/> gets <see cref="ForProcess"/>; a test builds its own (another
/// clock, a console it reads, registries of its own) and reaches every command the same way.
/// </summary>
/// <param name="Clock">The only <see cref="TimeProvider"/> of a process: every run, plan and job reads time from it.</param>
/// <param name="Console">Where commands write.</param>
internal sealed record CompositionRoot(TimeProvider Clock, CommandConsole Console)
{
    /// <summary>How a configured registry becomes a client; the default builds the HTTP stack of <see cref="RegistryFactory"/>.</summary>
    public Func<RegistryConfig, ILoggerFactory, TimeProvider, Inventory.Store.InventoryCache?, IRegistry> RegistryMaker { get; init; } = RegistryFactory.Create;

    public static CompositionRoot ForProcess() => new(TestClock.FromEnvironment(), CommandConsole.ForProcess());

    /// <summary>Serilog to standard error, text or JSON (<see cref="Logging"/>).</summary>
#pragma warning disable CA1822 // an instance member: loggers are built here with everything else
    public ILoggerFactory Loggers(string? format, bool verbose) => Logging.Create(format, verbose);
#pragma warning restore CA1822

    public IRegistry Registry(RegistryConfig config, ILoggerFactory loggers, Inventory.Store.InventoryCache? cache = null) => RegistryMaker(config, loggers, Clock, cache);

    public IReadOnlyList<IRegistry> Registries(CleanerConfig config, ILoggerFactory loggers, Inventory.Store.InventoryCache? cache = null) => [.. config.Registries.Select(r => Registry(r, loggers, cache))];

    public IEnumerable<NamedSource> Clusters(CleanerConfig config, ILoggerFactory loggers) => ClusterSources.Create(config, loggers, Clock);

    public IEnumerable<NamedSource> GitRepositories(CleanerConfig config) => GitSources.Create(config, Clock);

    /// <summary>The configuration, or null after its error (file:line: key: problem) went to standard error.</summary>
    public Task<CleanerConfig?> LoadConfigAsync(string path) => ConfigLoader.LoadOrReportAsync(path, Console.Error);
}
