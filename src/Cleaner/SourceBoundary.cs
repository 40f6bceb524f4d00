using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner;

/// <summary>
/// The one boundary between a run (or a check) and what it reads: whatever a registry's inventory or a
/// reference source throws becomes that source's failure, described by <see cref="ErrorCause"/> (the cause
/// an operator can act on, never a credential; an unforeseen exception keeps its type name, as a bug should)
/// — input never crashes a run, and a failed source blocks every delete (docs/configuration.md, "A partial picture never deletes"). Only the
/// caller's own cancellation passes through: a timeout inside a source is that source failing.
/// </summary>
internal static class SourceBoundary
{
    /// <summary>The registry's versions and its source result (<c>registry:NAME</c>), failed (and logged, when given a logger) when listing threw.</summary>
    public static async Task<(ImmutableArray<PackageVersion> Versions, SourceResult Source)> InventoryAsync(IRegistry registry, ILogger? logger, CancellationToken cancellationToken)
    {
        var name = $"registry:{registry.Config.Name}";
        try
        {
            var versions = await registry.ListVersionsAsync(cancellationToken);
            return (versions, SourceResult.Ok(name, [], [Plural.Of(versions.Length, "version")]));
        }
        catch (Exception e) when (IsFailure(e, cancellationToken))
        {
            var why = RegistryFailure(registry, e);
            logger?.LogError("Inventory of {Registry} failed: {Error}", registry.Config.Name, why);
            return ([], SourceResult.Failed(name, why));
        }
    }

    /// <summary>What the source collected, or its failure (logged, when given a logger) when it threw instead of saying so itself.</summary>
    public static async Task<SourceResult> CollectAsync(NamedSource source, ILogger? logger, CancellationToken cancellationToken)
    {
        try
        {
            return await source.Source.CollectAsync(cancellationToken);
        }
        catch (Exception e) when (IsFailure(e, cancellationToken))
        {
            var why = ErrorCause.Describe(e);
            logger?.LogError("Reference source {Source} failed: {Error}", source.Name, why);
            return SourceResult.Failed(source.Name, why);
        }
    }

    /// <summary>
    /// What the registry's credentials may do, in words (<c>config check</c>), or why that could not be read;
    /// null for a registry that cannot tell.
    /// </summary>
    public static async Task<string?> CredentialsAsync(IRegistry registry, CancellationToken cancellationToken)
    {
        try
        {
            return await registry.CredentialsAsync(cancellationToken);
        }
        catch (Exception e) when (IsFailure(e, cancellationToken))
        {
            return $"unknown ({RegistryFailure(registry, e)})";
        }
    }

    /// <summary>Everything but the caller's own cancellation is the source's failure.</summary>
    public static bool IsFailure(Exception error, CancellationToken cancellationToken) =>
        error is not OperationCanceledException || !cancellationToken.IsCancellationRequested;

    /// <summary>A <see cref="RegistryException"/> already says what and where; anything else is described with the registry's name and URL.</summary>
    private static string RegistryFailure(IRegistry registry, Exception error) =>
        error is RegistryException ? error.Message : $"registry {registry.Config.Name}: {ErrorCause.Describe(error, RegistryFactory.RequestTimeout, registry.Config.Url)}";
}
