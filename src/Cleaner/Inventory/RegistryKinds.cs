using System.Collections.Frozen;
using System.Collections.Immutable;
using OciCleanup.Cleaner.Configuration;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// Every kind of registry, one line each: adding a kind is a folder under <c>Inventory/</c> with its
/// <see cref="RegistryKindEntry"/>, and its line here.
/// </summary>
internal static class RegistryKinds
{
    public static readonly ImmutableArray<RegistryKindEntry> All =
    [
        GiteaKind.Entry,
        OciKind.Entry,
        GitHub.GitHubKind.Entry,
    ];

    private static readonly FrozenDictionary<string, RegistryKindEntry> ByName = All
        .SelectMany(k => k.Aliases.Prepend(k.Name).Select(name => (Name: name, Kind: k)))
        .ToFrozenDictionary(k => k.Name, k => k.Kind, StringComparer.Ordinal);

    /// <summary>Every name <c>kind:</c> accepts, canonical names first, in registration order.</summary>
    public static ImmutableArray<string> Names => [.. All.Select(k => k.Name), .. All.SelectMany(k => k.Aliases)];

    /// <summary>The kind a <c>kind:</c> name (or alias) selects; null when there is none.</summary>
    public static RegistryKindEntry? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The kind of a configured registry (its name was checked when the configuration was read).</summary>
    public static RegistryKindEntry Of(string kind) =>
        Find(kind) ?? throw new InvalidOperationException($"registry kind '{kind}' is not registered");

    /// <summary>What a configured registry can do.</summary>
    public static RegistryTraits TraitsOf(RegistryConfig registry) => Of(registry.Kind).Traits;
}
