using System.Globalization;

namespace OciCleanup.Cleaner.Scheduling;

/// <summary>What a metrics textfile remembers of the runs before this one.</summary>
internal sealed record PreviousRuns(long RunsTotal, DateTimeOffset? LastSuccessAt)
{
    public static readonly PreviousRuns None = new(0, null);

    /// <summary>Reads them back from the text this program wrote; anything unreadable counts as none.</summary>
    public static PreviousRuns Parse(string text)
    {
        long runs = 0;
        DateTimeOffset? success = null;
        foreach (var line in text.Split('\n'))
        {
            var parts = line.Split(' ');
            if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
            {
                continue;
            }

            if (parts[0] == "oci_cleanup_runs_total")
            {
                runs = (long)value;
            }
            else if (parts[0] == "oci_cleanup_last_success_timestamp_seconds")
            {
                success = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(value * 1000));
            }
        }

        return new PreviousRuns(runs, success);
    }
}
