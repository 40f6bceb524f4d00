using System.Collections.Immutable;

namespace OciCleanup.Pins.Protection;

/// <summary>
/// The closed list of report warning kinds (docs/references.md, "Warnings"): each is one of the instances below, so no code can
/// emit a kind that is not documented. <see cref="Name"/> is the kebab-case text of the report.
/// </summary>
public readonly record struct WarningKind
{
    private readonly string? _name;

    private WarningKind(string name) => _name = name;

    /// <summary>A pins-file line with a pattern that matches no version (a typo?).</summary>
    public static WarningKind PinUnmatched { get; } = new("pin-unmatched");

    /// <summary>A reference on a host no registry names, protected by its path alone.</summary>
    public static WarningKind UnknownHost { get; } = new("unknown-host");

    /// <summary>Helm values that give a tag and no repository: the tag is protected in every package.</summary>
    public static WarningKind TagOnlyValues { get; } = new("tag-only-values");

    /// <summary>Helm values that give a digest and no repository.</summary>
    public static WarningKind DigestOnlyValues { get; } = new("digest-only-values");

    /// <summary>Desired state that cannot be resolved exactly (an empty tag before the first install, an uncertain pick).</summary>
    public static WarningKind DesiredState { get; } = new("desired-state");

    /// <summary>A reference to a version of a configured registry that does not exist: the next pull fails.</summary>
    public static WarningKind DanglingReference { get; } = new("dangling-reference");

    /// <summary>A kept index whose child manifest is missing.</summary>
    public static WarningKind BrokenIndex { get; } = new("broken-index");

    /// <summary>An ImagePolicy whose ImageRepository does not exist: Flux stalls it.</summary>
    public static WarningKind ImageRepositoryMissing { get; } = new("image-repository-missing");

    /// <summary>Deletes left for the next run by a rate limit.</summary>
    public static WarningKind Deferred { get; } = new("deferred");

    /// <summary>A kept tag a live read contradicted before the first delete of its package: its inventory-cache entry is dropped.</summary>
    public static WarningKind InventoryCache { get; } = new("inventory-cache");

    /// <summary>No rollback record yet: the rollback window starts with this run.</summary>
    public static WarningKind RollbackWindowStarts { get; } = new("rollback-window-starts");

    /// <summary>A YAML file of a Git source that does not parse (or is too large): skipped, named by <c>path:line</c>.</summary>
    public static WarningKind UnreadableYaml { get; } = new("unreadable-yaml");

    /// <summary>A Git source whose branch has less history than <c>history</c> asks (a young or shallow repository).</summary>
    public static WarningKind ShortHistory { get; } = new("short-history");

    /// <summary>Every kind, in the order docs/references.md, "Warnings" lists them (the Git source's kinds last).</summary>
    public static ImmutableArray<WarningKind> All { get; } =
        [PinUnmatched, UnknownHost, TagOnlyValues, DigestOnlyValues, DesiredState, DanglingReference, BrokenIndex, ImageRepositoryMissing, Deferred, InventoryCache, RollbackWindowStarts, UnreadableYaml, ShortHistory];

    /// <summary>The kind as the report writes it, e.g. <c>pin-unmatched</c>.</summary>
    public string Name => _name ?? "";

    /// <summary>The kind a report names; false for a name not in the list.</summary>
    public static bool TryParse(string? name, out WarningKind kind)
    {
        kind = All.FirstOrDefault(k => k.Name == name);
        return kind.Name.Length > 0;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
