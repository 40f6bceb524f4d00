using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OciCleanup.Cleaner.Configuration;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// One kind of registry: the <c>kind:</c> names that select it, what it can do, and how to build one
/// (its HTTP stack and credentials; <see cref="RegistryFactory"/> turns an unreadable credential into an
/// unavailable registry).
/// </summary>
/// <param name="Name">The canonical name, kept in <see cref="RegistryConfig.Kind"/>.</param>
/// <param name="Aliases">Other names <c>kind:</c> accepts for it.</param>
/// <param name="Traits">What it can do, for the pure planner and matcher.</param>
/// <param name="Create">Builds a registry of this kind (with what earlier runs read, for a run's inventory); may throw <see cref="InvalidOperationException"/> when a credential cannot be read.</param>
/// <param name="ReadConfig">
/// Reads a <c>registries</c> entry of this kind when its keys differ from the common ones (the entry,
/// its name, the canonical kind name, and how to resolve a file path); null for the common reader.
/// </param>
internal sealed record RegistryKindEntry(
    string Name,
    ImmutableArray<string> Aliases,
    RegistryTraits Traits,
    Func<RegistryConfig, ILoggerFactory, TimeProvider, Store.InventoryCache?, IRegistry> Create,
    Func<YamlMapping, string, string, Func<string, string>, RegistryConfig>? ReadConfig = null);
