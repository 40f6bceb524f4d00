using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace OciCleanup.Pins;

/// <summary>A content digest such as <c>sha256:4f5a…</c>, always lower case.</summary>
public readonly partial record struct Digest(string Algorithm, string Hex)
{
    /// <summary>Parses <c>sha256:&lt;64 hex&gt;</c> or <c>sha512:&lt;128 hex&gt;</c>.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Digest? digest)
    {
        digest = null;
        if (text is null)
        {
            return false;
        }

        var match = DigestPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var algorithm = match.Groups["alg"].Value.ToLowerInvariant();
        var hex = match.Groups["hex"].Value.ToLowerInvariant();
        var expected = algorithm == "sha256" ? 64 : 128;
        if (hex.Length != expected)
        {
            return false;
        }

        digest = new Digest(algorithm, hex);
        return true;
    }

    /// <summary>Parses a digest or throws <see cref="FormatException"/>.</summary>
    public static Digest Parse(string text) =>
        TryParse(text, out var digest) ? digest.Value : throw new FormatException($"'{text}' is not a sha256 or sha512 digest");

    /// <summary>The sha256 digest of some bytes, as registries compute a manifest's digest.</summary>
    public static Digest Sha256Of(ReadOnlySpan<byte> content) =>
        new("sha256", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));

    /// <inheritdoc />
    public override string ToString() => $"{Algorithm}:{Hex}";

    [GeneratedRegex("^(?<alg>sha256|sha512):(?<hex>[0-9a-fA-F]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DigestPattern();
}
