using System.Text.Json;
using OciCleanup.Cleaner.Reporting;

namespace OciCleanup.Cleaner.History;

/// <summary>
/// Every run's JSON report in <c>stateDir/history/&lt;runId&gt;.json</c> (dry or not, blocked or not),
/// trimmed to <c>report.historyRuns</c>, so <c>history</c>, <c>report</c> and <c>diff</c> work on the host
/// where a timer ran it. Run ids sort by time, so file names order the runs.
/// </summary>
internal sealed class RunHistory(string stateDir)
{
    private string Folder => Path.Combine(stateDir, "history");

    /// <summary>Stores the report and drops the oldest beyond <paramref name="keep"/>; an error comes back, never thrown.</summary>
    /// <param name="report">The run's report.</param>
    /// <param name="keep">How many runs to keep.</param>
    /// <param name="written">A file that already holds exactly this report as JSON (the last report): copied, not serialized again.</param>
    public string? Save(RunReport report, int keep, string? written = null)
    {
        if (report.RunId is not { } runId)
        {
            return null;
        }

        try
        {
            Directory.CreateDirectory(Folder);
            var path = Path.Combine(Folder, runId + ".json");
            if (written is not null)
            {
                File.Copy(written, path + ".tmp", overwrite: true);
            }
            else
            {
                // Streamed, as the report itself is: at 100k versions one string of it does not fit the CronJob's heap.
                using var file = File.Create(path + ".tmp");
                JsonReportWriter.WriteTo(report, file);
            }

            File.Move(path + ".tmp", path, overwrite: true);
            foreach (var old in RunIds().SkipLast(keep))
            {
                File.Delete(Path.Combine(Folder, old + ".json"));
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"run history not written to {Folder}: {e.Message}";
        }
    }

    /// <summary>The stored runs' ids, oldest first.</summary>
    public IReadOnlyList<string> RunIds() =>
        Directory.Exists(Folder)
            ? [.. Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)]
            : [];

    /// <summary>
    /// A stored run by id, unique id prefix, or position from the end (<c>-1</c> the last, <c>-2</c> the one
    /// before); null with why when there is no such run.
    /// </summary>
    public (RunReport? Report, string? Error) Load(string which)
    {
        var ids = RunIds();
        var matching = int.TryParse(which, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var back) && back < 0
            ? (ids.Count >= -back ? [ids[ids.Count + back]] : [])
            : ids.Where(id => id.StartsWith(which, StringComparison.Ordinal)).ToList();
        if (matching.Count != 1)
        {
            return (null, matching.Count == 0 ? $"no stored run '{which}' in {Folder} ({ids.Count} stored)" : $"'{which}' names {matching.Count} runs: {string.Join(", ", matching)}");
        }

        try
        {
            return (JsonReportReader.Read(File.ReadAllText(Path.Combine(Folder, matching[0] + ".json"))), null);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return (null, $"stored run {matching[0]} cannot be read: {e.Message}");
        }
    }
}
