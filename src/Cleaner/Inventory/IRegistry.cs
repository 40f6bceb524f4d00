using System.Collections.Immutable;
using OciCleanup.Cleaner.Configuration;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>The I/O edge of one configured registry: list, re-read and delete versions.</summary>
internal interface IRegistry
{
    RegistryConfig Config { get; }

    /// <summary>What its kind can do: how it deletes, lists, re-reads, and maps an image path to a package.</summary>
    RegistryTraits Traits => RegistryKinds.TraitsOf(Config);

    Task<ImmutableArray<PackageVersion>> ListVersionsAsync(CancellationToken cancellationToken);

    /// <summary>Reads one version again, just before deleting it; null when it is gone.</summary>
    Task<PackageVersion?> RereadAsync(PackageVersion version, CancellationToken cancellationToken);

    /// <summary>Resolves a tag or digest of a package through the distribution API; null when it does not resolve.</summary>
    Task<Pins.Digest?> ResolveDigestAsync(PackageKey package, string reference, CancellationToken cancellationToken);

    /// <summary>The blobs a version holds with their sizes (<c>report.sizes</c>); null when the registry cannot tell.</summary>
    Task<VersionBlobs?> BlobsAsync(PackageVersion version, CancellationToken cancellationToken);

    /// <summary>Its manifests as bytes: for the audit trail and <c>restore</c>.</summary>
    IManifestStore Manifests { get; }

    /// <summary>What its credentials can and cannot do, as the registry says (<c>config check</c>); null when it does not say.</summary>
    Task<string?> CredentialsAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <summary>
    /// Restores a deleted version by the registry's own means (GitHub: <c>POST …/versions/{id}/restore</c>);
    /// null where the registry has none and the manifest is pushed back from the audit trail instead.
    /// </summary>
    Task<Execution.RestoreOutcome?> RestoreAsync(Execution.AuditEntry entry, TimeProvider clock, CancellationToken cancellationToken) => Task.FromResult<Execution.RestoreOutcome?>(null);

    /// <summary>Why no further delete may start in this run (a rate budget spent), or null; the rest is deferred, not failed.</summary>
    string? DeferReason => null;

    /// <summary>Why this registry's credentials cannot delete at all, asked before any delete (a delete run then blocks); null when they can.</summary>
    Task<string?> DeleteRefusalAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <summary>Deletes exactly one version. Returns false when it was already gone.</summary>
    Task<bool> DeleteAsync(PackageVersion version, CancellationToken cancellationToken);
}
