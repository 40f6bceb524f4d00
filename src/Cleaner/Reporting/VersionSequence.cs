using OciCleanup.Cleaner.Planning;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// Whether versions are one numbered sequence: the same text around their numbers (<c>#.#.#</c>,
/// <c>v#</c>, <c>build-#</c>) and the numbers falling in order as the report lists them, newest
/// first. A name without a number (<c>stable</c>, <c>production</c>) is never part of a sequence.
/// </summary>
internal static class VersionSequence
{
    /// <summary>True when <paramref name="older"/>, listed right after <paramref name="newer"/>, continues its sequence.</summary>
    public static bool Follows(string newer, string older) =>
        Shape(newer) is { } shape && shape == Shape(older) && NaturalOrder.Instance.Compare(newer, older) > 0;

    /// <summary>Every run of digits as <c>#</c> (<c>1.0.23</c> → <c>#.#.#</c>); null when there is none, or for a digest.</summary>
    public static string? Shape(string version)
    {
        if (version.StartsWith("sha256:", StringComparison.Ordinal) || !version.Any(char.IsAsciiDigit))
        {
            return null;
        }

        var shape = new System.Text.StringBuilder(version.Length);
        for (var i = 0; i < version.Length; i++)
        {
            if (!char.IsAsciiDigit(version[i]))
            {
                shape.Append(version[i]);
            }
            else if (i == 0 || !char.IsAsciiDigit(version[i - 1]))
            {
                shape.Append('#');
            }
        }

        return shape.ToString();
    }
}
