using System.Globalization;
using System.Security.Cryptography;

namespace OciCleanup.Cleaner;

/// <summary>
/// The id of one run, on every log line of the run: short, readable and sortable by time
/// ("20260602T023000Z-4173"). The tail is the start's milliseconds and one random hex digit, so two runs
/// started in the same second still sort in the order they started (history, <c>report -1</c> and
/// <c>diff</c> go by that order) and still get different ids.
/// </summary>
internal static class RunId
{
    public static string New(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return Format(now, now.Millisecond.ToString("D3", CultureInfo.InvariantCulture) + RandomNumberGenerator.GetHexString(1, lowercase: true));
    }

    public static string Format(DateTimeOffset startedAt, string tail) =>
        startedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + tail;
}
