using System.Globalization;
using System.Text;
using OciCleanup.Cleaner.Configuration;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// What <c>explain</c> says about one version, in sentences: every reason with the source that gave
/// it, what was consulted, the retention that applies, and the final decision. Each line is made
/// <see cref="TerminalText.Safe"/> as a whole: names, tags and errors come from registries and clusters.
/// </summary>
internal static class Explanation
{
    public static string Of(DecisionEntry d, RunReport report, RetentionPolicy policy)
    {
        var text = new StringBuilder();
        Line(text, string.Create(CultureInfo.InvariantCulture, $"{d.Registry}: {(d.Owner is null ? "" : d.Owner + "/")}{d.Type}/{d.Package}=={d.Version} ({d.Digest ?? "no digest"}), pushed {d.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC."));
        foreach (var reason in d.Reasons)
        {
            Line(text, $"  - {ReasonSentence.Of(reason)} [{reason.Kind}, from {ReasonSource.Of(reason)}]");
        }

        Line(text, string.Create(CultureInfo.InvariantCulture, $"  Retention for {d.Type}/{d.Package}: keepLast {policy.KeepLast}, keepWithinDays {policy.KeepWithinDays}, keepTags [{string.Join(", ", policy.KeepTags)}], removeTags [{string.Join(", ", policy.RemoveTags)}], untaggedAfterDays {policy.UntaggedAfterDays}, minAgeHours {policy.MinAgeHours}."));
        Line(text, $"  Consulted: {string.Join("; ", report.Sources.Select(Consulted))}.");
        Line(text, $"  Decision: {Decision(d, report)}");
        return text.ToString();
    }

    private static void Line(StringBuilder text, string line) => text.AppendLine(TerminalText.Safe(line));

    private static string Consulted(SourceEntry s) => s.Status == "ok"
        ? $"{s.Name} (ok{(s.References is { } n ? $", {Plural.Of(n, "reference")}" : "")}{(s.Notes is { IsEmpty: false } notes ? ", " + string.Join(", ", notes) : "")})"
        : $"{s.Name} (FAILED: {s.Error})";

    private static string Decision(DecisionEntry d, RunReport report) => d.Action == "keep"
        ? d.Reasons.Select(ReasonSource.Of).Where(s => s != ReasonSource.Retention).ToList() switch
        {
            // A tag of a kept build stays exactly as long as that build does, whatever keeps the build.
            var others when others.Count > 0 && others.All(s => s == ReasonSource.Manifest) =>
                "KEEP. Its manifest is kept through another tag: deleting this tag would free no byte, so it stays as long as that build does.",
            { Count: > 0 } => "KEEP. It is protected, so no retention rule can delete it.",
            _ => "KEEP. Retention keeps it; nothing protects it, so it will go once retention stops keeping it.",
        }
        : report.Summary.BlockedReason is { } blocked
            ? $"WOULD DELETE, but a run now is blocked, so nothing is deleted: {blocked}."
            : "DELETE. Nothing protects it, and a delete run would delete it.";
}
