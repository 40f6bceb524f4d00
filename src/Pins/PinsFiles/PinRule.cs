namespace OciCleanup.Pins.PinsFiles;

/// <summary>
/// One line of a pins file: <c>[OWNER:]TYPE/NAME[==VERSION | @DIGEST]</c>. A rule with neither
/// version nor digest pins every version of the package.
/// </summary>
/// <param name="Owner">The owner the pin is limited to, or null for every owner.</param>
/// <param name="Type">The Gitea package type, e.g. <c>container</c>.</param>
/// <param name="Name">The package name, a glob.</param>
/// <param name="Version">The version, a glob; null pins every version (or the digest's).</param>
/// <param name="Digest">The manifest digest the pinned versions carry.</param>
/// <param name="Origin">Where the rule was written: the file and line.</param>
public sealed record PinRule(string? Owner, string Type, Glob Name, Glob? Version, Digest? Digest, Protection.PinsLineOrigin Origin)
{
    /// <summary>Where the rule was written, <c>FILE:LINE</c>.</summary>
    public string Location => Origin.Detail;

    /// <summary>Whether this rule pins the given package version.</summary>
    public bool Matches(string? owner, string type, string name, string version, Digest? digest)
    {
        if (Owner is not null && !string.Equals(Owner, owner, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!string.Equals(Type, type, StringComparison.OrdinalIgnoreCase) || !Name.IsMatch(name))
        {
            return false;
        }

        if (Digest is { } pinned)
        {
            return digest == pinned;
        }

        return Version is null || Version.IsMatch(version);
    }
}
