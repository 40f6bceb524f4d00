using System.Collections.Immutable;
using System.Text.Json;

namespace OciCleanup.Cleaner.Execution;

/// <summary>The audit log read back for <c>restore</c>: its lines in order, each knowing its line number.</summary>
internal static class AuditTrail
{
    public static ImmutableArray<AuditEntry> Parse(IEnumerable<string> lines) =>
        [.. lines.Select((line, i) => ParseLine(line) is { } entry ? entry with { Line = i + 1 } : null).OfType<AuditEntry>()];

    private static AuditEntry? ParseLine(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<AuditEntry>(line);
        }
        catch (JsonException)
        {
            return null; // a line cut by a crash: the attempt line before it says what it was
        }
    }
}
