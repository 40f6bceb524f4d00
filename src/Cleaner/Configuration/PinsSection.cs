using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Configuration;

/// <summary>The <c>pins</c> section: the pins files, resolved against the configuration's folder.</summary>
internal static class PinsSection
{
    public static ImmutableArray<string> Read(YamlMapping? m, Func<string, string> resolve)
    {
        var files = m?.Strings("files", []).Select(resolve).ToImmutableArray() ?? [];
        m?.RejectUnknownKeys();
        return files;
    }
}
