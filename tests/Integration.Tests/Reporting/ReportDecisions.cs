using System.Text.RegularExpressions;

namespace OciCleanup.Integration.Tests.Reporting;

/// <summary>
/// Reads back, from what a person sees, which action each version got: a table or Markdown row names
/// one version or a collapsed run <c>OLDEST … NEWEST — N versions</c>, which is expanded along the
/// JSON report's order of that package (the order every format lists them in).
/// </summary>
internal static partial class ReportDecisions
{
    public static Dictionary<string, string> FromJson(ReportJson json) =>
        json.Decisions.ToDictionary(d => d.GetProperty("version").GetString()!, d => d.GetProperty("action").GetString()!);

    public static Dictionary<string, string> FromRows(IEnumerable<(string Action, string Versions)> rows, ReportJson json)
    {
        var order = json.Decisions.Select(d => d.GetProperty("version").GetString()!).ToList();
        var seen = new Dictionary<string, string>();
        foreach (var (action, versions) in rows)
        {
            var run = CollapsedRun().Match(versions);
            IEnumerable<string> expanded = [versions];
            if (run.Success)
            {
                var newest = order.IndexOf(run.Groups["newest"].Value);
                var count = int.Parse(run.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture);
                expanded = order.Skip(newest).Take(count).ToList();
                expanded.Last().ShouldBe(run.Groups["oldest"].Value, $"run {versions} does not match the JSON's order");
            }

            foreach (var version in expanded)
            {
                seen.Add(version, action.StartsWith("would delete", StringComparison.Ordinal) ? "delete" : action);
            }
        }

        return seen;
    }

    public static IEnumerable<(string, string)> TableRows(string table) =>
        TableRow().Matches(table).Select(m => (m.Groups["action"].Value, m.Groups["versions"].Value.Trim()));

    public static IEnumerable<(string, string)> MarkdownRows(string markdown) =>
        MarkdownRow().Matches(markdown).Select(m => (m.Groups["action"].Value, m.Groups["versions"].Value));

    [GeneratedRegex(@"^(?<oldest>\S+) … (?<newest>\S+) — (?<count>\d+) versions$")]
    private static partial Regex CollapsedRun();

    [GeneratedRegex(@"^  (?<action>keep|would delete — blocked|would delete)\s{2,}(?<versions>\S.*?)\s{2,}(?:(?:[0-9a-f]{7,12}|various)\s{2,})?\d{4}-\d\d-\d\d\s", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"^\| (?<action>keep|would delete — blocked|would delete) \| `(?<versions>[^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex MarkdownRow();
}
