using System.Collections.Immutable;
using System.Globalization;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>Byte counts as a person reads them: <c>1.4 GB</c> (decimal units, as registries show them).</summary>
internal static class ByteSize
{
    private static readonly ImmutableArray<string> Units = ["B", "kB", "MB", "GB", "TB"];

    public static string Of(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (value >= 1000 && unit < Units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {Units[unit]}");
    }
}
