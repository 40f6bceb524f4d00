namespace OciCleanup.Cleaner;

/// <summary>
/// The word a person probably meant (<c>rnu</c> → <c>run</c>, <c>--dryrun</c> → <c>--dry-run</c>): the
/// closest known name within two edits, or none. Pure, so the CLI's hint is table-tested.
/// </summary>
internal static class Suggestion
{
    private const int MaxEdits = 2;

    public static string? For(string typed, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = MaxEdits + 1;
        foreach (var name in known)
        {
            // Dashes are noise in a typo of an option: --dryrun and --dry-run are one edit apart, --dry_run two.
            var distance = Distance(typed.ToLowerInvariant(), name.ToLowerInvariant());
            if (distance < bestDistance && distance < Math.Max(name.TrimStart('-').Length, 2))
            {
                (best, bestDistance) = (name, distance);
            }
        }

        return best;
    }

    /// <summary>Edit distance counting a swap of two neighbours as one edit (optimal string alignment): <c>rnu</c> is one from <c>run</c>.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
