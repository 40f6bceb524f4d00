using System.Diagnostics.CodeAnalysis;

namespace OciCleanup.Pins;

/// <summary>
/// A content digest such as <c>sha256:4f5a…</c>, always lower case. Held as its text, once: a 100k
/// inventory compares, hashes and prints digests far more often than it splits them, and a digest
/// parsed from a <c>sha256:…</c> version name shares that name's string.
/// </summary>
public readonly record struct Digest
{
    private readonly string _text;

    /// <summary>A digest from its parts, e.g. <c>("sha256", "4f5a…")</c>; the hex in lower case.</summary>
    public Digest(string algorithm, string hex)
        : this($"{algorithm}:{hex}")
    {
    }

    private Digest(string text) => _text = text;

    /// <summary>The algorithm, e.g. <c>sha256</c>.</summary>
    public string Algorithm => _text[.._text.IndexOf(':', StringComparison.Ordinal)];

    /// <summary>The hex part after the colon.</summary>
    public string Hex => _text[(_text.IndexOf(':', StringComparison.Ordinal) + 1)..];

    /// <summary>Parses <c>sha256:&lt;64 hex&gt;</c> or <c>sha512:&lt;128 hex&gt;</c> (the algorithm in lower case, the hex in either).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Digest? digest)
    {
        // Already lower case (as registries write them), the text itself is the digest: no copy.
        digest = AlgorithmOf(text) is not null && text is not null ? new Digest(text.AsSpan().ContainsAnyInRange('A', 'F') ? text.ToLowerInvariant() : text) : null;
        return digest is not null;
    }

    /// <summary>Whether <paramref name="text"/> is a digest <see cref="TryParse"/> accepts, without making one.</summary>
    public static bool IsDigest(string? text) => AlgorithmOf(text) is not null;

    // By hand, not by regex: every version name of a 100k inventory is asked whether it is a digest.
    private static string? AlgorithmOf(string? text)
    {
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon < 0)
        {
            return null;
        }

        var algorithm = text.AsSpan(0, colon) switch
        {
            "sha256" => "sha256",
            "sha512" => "sha512",
            _ => null,
        };
        var hex = text.AsSpan(colon + 1);
        return algorithm is null || hex.Length != (algorithm == "sha256" ? 64 : 128) || hex.ContainsAnyExcept(HexDigits) ? null : algorithm;
    }

    /// <summary>Parses a digest or throws <see cref="FormatException"/>.</summary>
    public static Digest Parse(string text) =>
        TryParse(text, out var digest) ? digest.Value : throw new FormatException($"'{text}' is not a sha256 or sha512 digest");

    /// <summary>The sha256 digest of some bytes, as registries compute a manifest's digest.</summary>
    public static Digest Sha256Of(ReadOnlySpan<byte> content) =>
        new("sha256", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));

    /// <inheritdoc />
    public override string ToString() => _text ?? "";

    /// <summary>Equal when the texts are equal (ordinal).</summary>
    public bool Equals(Digest other) => string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <summary>
    /// Hashes 16 hex digits, not all 64: they are the output of a hash already, so 16 spread as well,
    /// and a 100k inventory hashes digests into dictionaries several times over.
    /// </summary>
    public override int GetHashCode() =>
        _text is null ? 0 : string.GetHashCode(_text.AsSpan(0, Math.Min(_text.Length, _text.IndexOf(':', StringComparison.Ordinal) + 17)), StringComparison.Ordinal);

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");
}
