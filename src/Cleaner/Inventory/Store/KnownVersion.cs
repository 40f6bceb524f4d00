using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Inventory.Store;

/// <summary>
/// What a listed version resolved to when it was last read: its manifest's digest and media type.
/// <see cref="Check"/> ties it to the version's name and creation time as well as its id, so that
/// an id reused (a database restored from a backup, another server under the same registry name)
/// is a miss, not a wrong answer.
/// </summary>
internal readonly record struct KnownVersion(ulong Check, Digest Digest, string MediaType);
