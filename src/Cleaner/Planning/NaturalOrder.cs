namespace OciCleanup.Cleaner.Planning;

/// <summary>
/// Version names in the order a person reads them: runs of digits compare as numbers (<c>0.2.0</c>
/// before <c>0.10.0</c>, <c>1.9</c> before <c>1.10</c>), the rest ordinally. Written here because
/// .NET's <c>CompareOptions.NumericOrdering</c> is ignored under invariant globalization.
/// </summary>
internal sealed class NaturalOrder : IComparer<string>
{
    public static readonly NaturalOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var (a, nextI) = Run(x, i);
                var (b, nextJ) = Run(y, j);
                // Longer without leading zeros is larger; equal lengths compare digit by digit.
                var byNumber = a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
                if (byNumber != 0)
                {
                    return byNumber;
                }

                (i, j) = (nextI, nextJ);
                continue;
            }

            if (x[i] != y[j])
            {
                return x[i].CompareTo(y[j]);
            }

            i++;
            j++;
        }

        var byRest = (x.Length - i).CompareTo(y.Length - j);
        return byRest != 0 ? byRest : string.CompareOrdinal(x, y);
    }

    private static (string Digits, int End) Run(string s, int start)
    {
        var end = start;
        while (end < s.Length && char.IsAsciiDigit(s[end]))
        {
            end++;
        }

        return (s[start..end].TrimStart('0'), end);
    }
}
