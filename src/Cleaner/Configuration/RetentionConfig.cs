using System.Collections.Immutable;
using System.Text.RegularExpressions;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Configuration;

/// <summary>The retention rules for one package (docs/configuration.md, "Retention").</summary>
internal sealed record RetentionPolicy(
    int KeepLast,
    int KeepWithinDays,
    ImmutableArray<Regex> KeepTags,
    ImmutableArray<Regex> RemoveTags,
    int UntaggedAfterDays,
    int MinAgeHours)
{
    /// <summary>About 100 years: any more is a typo, and more than TimeSpan can hold would crash every run.</summary>
    public const int MaxDays = 36_500;

    public const int MaxKeepLast = 1_000_000;

    public static RetentionPolicy Default { get; } = new(10, 14, [TagPattern.Compile("^latest$")], [], 2, 6);
}

/// <summary>A package override: a glob over <c>type/name</c> and the policy it gets.</summary>
internal sealed record PackageRetention(Glob Match, RetentionPolicy Policy);

/// <summary>The default policy and the overrides; the first matching override wins.</summary>
internal sealed record RetentionConfig(RetentionPolicy Default, ImmutableArray<PackageRetention> Packages)
{
    public RetentionPolicy For(string type, string name) =>
        Packages.FirstOrDefault(p => p.Match.IsMatch($"{type}/{name}"))?.Policy ?? Default;
}
