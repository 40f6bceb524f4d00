using System.Text.RegularExpressions;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// A name from a server (a version, a package, a repository part) as exactly one URL path segment,
/// or nothing. <c>.</c> and <c>..</c> would be collapsed by <see cref="Uri"/> into another path — for
/// a Gitea version, the shape of the whole-package DELETE (docs/configuration.md, "Delete mode, multi-arch images and OCI registries") — and <c>\</c> or an escape such
/// as <c>%2e</c> may be turned into one by a proxy or the server. Such a name is never requested.
/// </summary>
internal static partial class PathSegment
{
    /// <summary>
    /// The escaped segment, or null when the value is not one safe segment. With <c>slashAllowed</c> (a
    /// Gitea package name may hold <c>/</c>) the slash travels escaped as <c>%2F</c>.
    /// </summary>
    public static string? Escape(string? value, bool slashAllowed = false)
    {
        if (string.IsNullOrEmpty(value) || value.Contains('\\', StringComparison.Ordinal) || (!slashAllowed && value.Contains('/', StringComparison.Ordinal))
            || value.Trim('.').Length == 0 || PercentEscape().IsMatch(value) || value.Any(char.IsControl))
        {
            return null;
        }

        var escaped = Uri.EscapeDataString(value);
        // Whatever System.Uri would still do to it (unescape, compress, trim) shows in a round trip.
        return Uri.TryCreate($"http://host/a/{escaped}/b", UriKind.Absolute, out var uri) && uri.AbsolutePath == $"/a/{escaped}/b" ? escaped : null;
    }

    /// <summary>The escaped segment, or a <see cref="RegistryException"/> saying the name is never requested.</summary>
    public static string Require(string registry, string what, string? value, bool slashAllowed = false) =>
        Escape(value, slashAllowed)
        ?? throw new RegistryException(registry, $"{what} '{value}' is not a single URL path segment ('.', '..', '/', '\\', %-escapes); it is never requested, so never deleted");

    [GeneratedRegex("%[0-9A-Fa-f]{2}")]
    private static partial Regex PercentEscape();
}
