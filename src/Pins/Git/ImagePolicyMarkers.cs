using System.Text.RegularExpressions;

namespace OciCleanup.Pins.Git;

/// <summary>
/// Flux image automation's setter markers: a comment <c># {"$imagepolicy": "NAMESPACE:NAME"}</c> after the
/// value it rewrites, with an optional <c>:tag</c>, <c>:name</c> or <c>:digest</c> suffix for a field holding only
/// that part. Whatever the suffix, the field follows the policy's pick: the policy is what is protected.
/// </summary>
public static partial class ImagePolicyMarkers
{
    /// <summary>Each marker of <paramref name="text"/>: the policy as <c>namespace/name</c> and its 1-based line.</summary>
    public static IEnumerable<(string Policy, int Line)> In(string text)
    {
        var line = 1;
        var lineStart = 0;
        foreach (Match match in Marker().Matches(text))
        {
            // Count the lines between the last marker and this one only: linear in the text.
            for (var i = lineStart; i < match.Index; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                }
            }

            lineStart = match.Index;
            var parts = match.Groups["ref"].Value.Split(':');
            if (parts.Length is 2 or 3 && parts[0].Length > 0 && parts[1].Length > 0)
            {
                yield return ($"{parts[0]}/{parts[1]}", line);
            }
        }
    }

    [GeneratedRegex(@"#\s*\{\s*""\$imagepolicy""\s*:\s*""(?<ref>[^""\r\n]{1,512})""\s*\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Marker();
}
