using System.Text.Json;
using OciCleanup.Cleaner.Reporting;

namespace OciCleanup.Cleaner.History;

/// <summary>
/// Every run's JSON report in <c>stateDir/history/&lt;runId&gt;.json</c> (dry or not, blocked or not),
/// trimmed to <c>report.historyRuns</c>, so <c>history</c>, <c>report</c> and <c>diff</c> work on the host
/// where a timer ran it. Run ids sort by time, so file names order the runs. A <c>history</c> that is a
/// symbolic link is refused: trimming through it would delete another folder's <c>*.json</c> files.
/// </summary>
internal sealed class RunHistory(string stateDir)
{
    public const string FolderName = "history";

    private string Folder => Path.Combine(stateDir, FolderName);

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
            SafeFiles.EnsureFolder(stateDir, SafeFiles.PrivateFolder, SafeFiles.FolderCeiling, linkAllowed: true);
            SafeFiles.EnsureFolder(Folder, SafeFiles.PrivateFolder, SafeFiles.FolderCeiling);
            var path = Path.Combine(Folder, runId + ".json");
            if (written is not null)
            {
                using var source = SafeFiles.OpenRead(written);
                SafeFiles.WriteAtomic(path, source.CopyTo, SafeFiles.PrivateFile);
            }
            else
            {
                // Streamed, as the report itself is: at 100k versions one string of it does not fit the CronJob's heap.
                SafeFiles.WriteAtomic(path, file => JsonReportWriter.WriteTo(report, file), SafeFiles.PrivateFile);
            }

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

    /// <summary>The stored runs' ids, oldest first; none through a link (<see cref="Load"/> says why).</summary>
    public IReadOnlyList<string> RunIds() =>
        Directory.Exists(Folder) && new DirectoryInfo(Folder).LinkTarget is null
            ? [.. Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)]
            : [];

    /// <summary>
    /// A stored run by id, unique id prefix, or position from the end (<c>-1</c> the last, <c>-2</c> the one
    /// before); null with why when there is no such run.
    /// </summary>
    public (RunReport? Report, string? Error) Load(string which)
    {
        try
        {
            SafeFiles.RefuseLink(Folder);
        }
        catch (LinkRefusedException e)
        {
            return (null, e.Message);
        }

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
            return (JsonReportReader.Read(SafeFiles.ReadAllText(Path.Combine(Folder, matching[0] + ".json"))), null);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return (null, $"stored run {matching[0]} cannot be read: {e.Message}");
        }
    }
}
