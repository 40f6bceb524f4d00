using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace OciCleanup.Pins;

/// <summary>
/// A container image reference parsed with the Docker/OCI grammar:
/// <c>[host[:port]/]path[:tag][@digest]</c>. Docker Hub is the default registry, single-name Hub
/// images get <c>library/</c>, and a reference with neither tag nor digest means tag <c>latest</c>.
/// </summary>
public sealed partial record ImageReference(string Registry, string Repository, string? Tag, Digest? Digest)
{
    /// <summary>The registry name Docker uses when a reference names none.</summary>
    public const string DockerHub = "docker.io";

    /// <summary>Parses an image string, or says why it is not one.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ImageReference? reference, out string error)
    {
        reference = null;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "empty image reference";
            return false;
        }

        var rest = text.Trim();
        Digest? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            if (!Pins.Digest.TryParse(rest[(at + 1)..], out digest))
            {
                error = $"bad digest in '{text}'";
                return false;
            }

            rest = rest[..at];
        }

        string? tag = null;
        var lastSlash = rest.LastIndexOf('/');
        var colon = rest.LastIndexOf(':');
        if (colon > lastSlash)
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!TagPattern().IsMatch(tag))
            {
                error = $"bad tag '{tag}' in '{text}'";
                return false;
            }
        }

        var registry = DockerHub;
        var firstSlash = rest.IndexOf('/', StringComparison.Ordinal);
        if (firstSlash > 0 && LooksLikeHost(rest[..firstSlash]))
        {
            registry = rest[..firstSlash].ToLowerInvariant();
            rest = rest[(firstSlash + 1)..];
        }

        if (registry is "index.docker.io" or "registry-1.docker.io")
        {
            registry = DockerHub;
        }

        if (!PathPattern().IsMatch(rest))
        {
            error = $"bad repository path '{rest}' in '{text}'";
            return false;
        }

        if (registry == DockerHub && !rest.Contains('/', StringComparison.Ordinal))
        {
            rest = "library/" + rest;
        }

        if (tag is null && digest is null)
        {
            tag = "latest";
        }

        reference = new ImageReference(registry, rest, tag, digest);
        return true;
    }

    /// <summary>Parses an image string or throws <see cref="FormatException"/>.</summary>
    public static ImageReference Parse(string text) =>
        TryParse(text, out var reference, out var error) ? reference : throw new FormatException(error);

    /// <summary>The canonical text: registry, repository, then tag and/or digest.</summary>
    public override string ToString() =>
        $"{Registry}/{Repository}{(Tag is null ? "" : ":" + Tag)}{(Digest is null ? "" : "@" + Digest)}";

    // Docker's rule: the first component is a host when it has a dot or a port, or is localhost,
    // or has upper case (a path never does).
    private static bool LooksLikeHost(string component) =>
        component.Contains('.', StringComparison.Ordinal) || component.Contains(':', StringComparison.Ordinal)
        || component == "localhost" || component.Any(char.IsUpper);

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();
}
