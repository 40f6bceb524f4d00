using System.Text.RegularExpressions;

namespace OciCleanup.Cleaner.Configuration;

/// <summary>
/// Tag patterns of the configuration (<c>keepTags</c>, <c>removeTags</c>), matched against tags anyone
/// can push: linear time with <see cref="RegexOptions.NonBacktracking"/>, so no tag stalls a run.
/// </summary>
internal static class TagPattern
{
    /// <summary>Compiles a pattern; throws <see cref="ArgumentException"/> or <see cref="NotSupportedException"/> when it cannot run in linear time.</summary>
    public static Regex Compile(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
}
