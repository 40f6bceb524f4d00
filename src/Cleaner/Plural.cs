using System.Globalization;

namespace OciCleanup.Cleaner;

/// <summary>A count with its noun as a person writes it: <c>1 registry</c>, <c>2 registries</c>, <c>0 pins</c>.</summary>
internal static class Plural
{
    public static string Of(long count, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural ?? singular + "s")}");
}
