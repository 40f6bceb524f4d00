using System.Globalization;
using System.Text.RegularExpressions;

namespace OciCleanup.Cleaner.Configuration;

/// <summary>
/// A duration written as systemd and Kubernetes people write it: a whole number and a unit,
/// <c>90s</c>, <c>45m</c>, <c>6h</c>. Bounded like every number here, so nothing overflows a timer.
/// </summary>
internal static partial class DurationSetting
{
    public static TimeSpan Read(YamlMapping m, string key, TimeSpan fallback, TimeSpan min, TimeSpan max)
    {
        if (m.Node(key) is not { } node)
        {
            return fallback;
        }

        var text = m.String(key) ?? "";
        var match = Pattern().Match(text);
        var value = match.Success && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 1_000_000
            ? match.Groups[2].Value switch
            {
                "s" => TimeSpan.FromSeconds(number),
                "m" => TimeSpan.FromMinutes(number),
                _ => TimeSpan.FromHours(number),
            }
            : (TimeSpan?)null;
        return value is { } duration && duration >= min && duration <= max
            ? duration
            : throw m.Error(node, m.Child(key), $"must be a duration such as 90s, 45m or 6h, from {Show(min)} to {Show(max)}, not '{text}'");
    }

    private static string Show(TimeSpan d) => d.TotalHours >= 1 && d.TotalHours % 1 == 0 ? $"{d.TotalHours:0}h" : d.TotalMinutes >= 1 && d.TotalMinutes % 1 == 0 ? $"{d.TotalMinutes:0}m" : $"{d.TotalSeconds:0}s";

    [GeneratedRegex(@"^\s*(\d+)\s*(s|m|h)\s*$")]
    private static partial Regex Pattern();
}
