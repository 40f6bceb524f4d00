using System.Collections.Immutable;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Inventory.GitHub;

/// <summary>
/// One package version as GitHub's REST API lists it (docs/configuration.md, "ghcr.io (`kind: github`)"): one manifest — <c>name</c> is its
/// digest — with the tags on it (none for an index's children and untagged manifests), under a
/// numeric <c>id</c> that deletes and restores address. A version read by id that is deleted (restorable
/// within 30 days) carries its <c>DeletedAt</c>.
/// </summary>
internal sealed record GitHubVersion(long Id, Digest Digest, ImmutableArray<string> Tags, DateTimeOffset CreatedAt, DateTimeOffset? DeletedAt = null);
