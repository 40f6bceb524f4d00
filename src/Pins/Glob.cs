using System.Text.RegularExpressions;

namespace OciCleanup.Pins;

/// <summary>A case-insensitive, anchored pattern where <c>*</c> matches any run of characters.</summary>
public sealed class Glob
{
    private readonly Regex _regex;

    /// <summary>Creates a glob from its text, e.g. <c>v1.*</c>.</summary>
    public Glob(string pattern)
    {
        Pattern = pattern;
        var body = string.Join(".*", pattern.Split('*').Select(Regex.Escape));
        _regex = new Regex($"^{body}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    /// <summary>The text the glob was made from.</summary>
    public string Pattern { get; }

    /// <summary>True when the glob has no <c>*</c> and so names exactly one value.</summary>
    public bool IsLiteral => !Pattern.Contains('*', StringComparison.Ordinal);

    /// <summary>Whether <paramref name="value"/> matches the whole pattern, ignoring case.</summary>
    public bool IsMatch(string value) => _regex.IsMatch(value);

    /// <inheritdoc />
    public override string ToString() => Pattern;
}
