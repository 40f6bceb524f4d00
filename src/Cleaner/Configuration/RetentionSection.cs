using System.Collections.Immutable;
using System.Text.RegularExpressions;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Configuration;

/// <summary>The <c>retention</c> section: the default policy and per-package overrides; unset keys fall back to <see cref="RetentionPolicy.Default"/>.</summary>
internal static class RetentionSection
{
    public static RetentionConfig Read(YamlMapping? m)
    {
        if (m is null)
        {
            return new RetentionConfig(RetentionPolicy.Default, []);
        }

        var defaults = m.Mapping("default") is { } d ? ReadPolicy(d, RetentionPolicy.Default) : RetentionPolicy.Default;
        var packages = m.Mappings("packages").Select(p =>
        {
            var match = new Glob(p.RequiredString("match"));
            return new PackageRetention(match, ReadPolicy(p, defaults));
        }).ToImmutableArray();
        m.RejectUnknownKeys();
        return new RetentionConfig(defaults, packages);
    }

    private static RetentionPolicy ReadPolicy(YamlMapping m, RetentionPolicy fallback)
    {
        var policy = new RetentionPolicy(
            m.Int("keepLast", fallback.KeepLast, 0, RetentionPolicy.MaxKeepLast),
            m.Int("keepWithinDays", fallback.KeepWithinDays, 0, RetentionPolicy.MaxDays),
            m.Node("keepTags") is null ? fallback.KeepTags : Regexes(m, "keepTags"),
            m.Node("removeTags") is null ? fallback.RemoveTags : Regexes(m, "removeTags"),
            m.Int("untaggedAfterDays", fallback.UntaggedAfterDays, 0, RetentionPolicy.MaxDays),
            m.Int("minAgeHours", fallback.MinAgeHours, 0, RetentionPolicy.MaxDays * 24));
        m.RejectUnknownKeys();
        return policy;
    }

    // Linear time (as Go's RE2 in gcr-cleaner and Flux): no tag anyone pushes can stall a run. A
    // pattern that needs backtracking (backreferences, lookaround, atomic groups) is refused here.
    private static ImmutableArray<Regex> Regexes(YamlMapping m, string key) =>
        [.. m.Strings(key, []).Select((pattern, i) =>
        {
            try
            {
                return TagPattern.Compile(pattern);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                throw m.Error(m.Node(key)!, $"{m.Child(key)}[{i}]", $"bad regex '{pattern}': {e.Message}");
            }
        })];
}
