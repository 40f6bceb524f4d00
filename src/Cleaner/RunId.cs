using System.Globalization;
using System.Security.Cryptography;

namespace OciCleanup.Cleaner;

/// <summary>
/// The id of one run, on every log line of the run: short, readable and sortable by time
/// ("20260602T023000Z-3f9a"); the random tail tells apart two runs started in the same second.
/// </summary>
internal static class RunId
{
    public static string New(TimeProvider clock) => Format(clock.GetUtcNow(), RandomNumberGenerator.GetHexString(4, lowercase: true));

    public static string Format(DateTimeOffset startedAt, string tail) =>
        startedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + tail;
}
