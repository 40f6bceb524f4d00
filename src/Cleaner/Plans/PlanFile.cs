using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using OciCleanup.Cleaner.Reporting;

namespace OciCleanup.Cleaner.Plans;

/// <summary>
/// A reviewed plan (SPEC §7a): the planned deletes, the configuration's hash, the run id and time, and
/// a checksum over all of it, so that a plan edited by hand, truncated, made with another
/// configuration or older than <c>planMaxAgeHours</c> is refused before anything is contacted.
/// </summary>
internal sealed record PlanFile(
    [property: JsonPropertyName("planVersion")] int PlanVersion,
    [property: JsonPropertyName("runId")] string RunId,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("configHash")] string ConfigHash,
    [property: JsonPropertyName("deletes")] ImmutableArray<PlanEntry> Deletes,
    [property: JsonPropertyName("checksum")] string Checksum)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Converters = { new UtcTimestampConverter() } };

    /// <summary>The plan of a report: its planned deletes.</summary>
    public static PlanFile Of(RunReport report, string configHash)
    {
        var deletes = report.Decisions.Where(d => d.Action == "delete")
            .Select(d => new PlanEntry(d.Registry, d.Owner, d.Type, d.Package, d.Version, d.Digest, d.CreatedAt))
            .ToImmutableArray();
        var plan = new PlanFile(1, report.RunId ?? "", report.StartedAt, configHash, deletes, "");
        return plan with { Checksum = plan.ComputeChecksum() };
    }

    /// <summary>The sha256 of a configuration file's bytes: a plan is only valid with the configuration it was made with.</summary>
    public static string HashOf(string configPath) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(configPath)));

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Reads and checks a plan; the error says why it is refused.</summary>
    public static (PlanFile? Plan, string? Error) Read(string path, string configHash, DateTimeOffset now, int maxAgeHours)
    {
        PlanFile? plan;
        try
        {
            plan = JsonSerializer.Deserialize<PlanFile>(File.ReadAllText(path), Options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return (null, $"{path}: not a readable plan ({e.Message.Split('\n')[0].TrimEnd('.')}): nothing deleted");
        }

        string? why = plan switch
        {
            null or { PlanVersion: not 1 } or { Deletes.IsDefault: true } => "not a plan of this version of oci-cleanup",
            _ when plan.Checksum != plan.ComputeChecksum() => "its checksum does not match its content (edited by hand?)",
            _ when plan.ConfigHash != configHash => "it was made with another configuration (the configuration's hash differs)",
            _ when now - plan.CreatedAt > TimeSpan.FromHours(maxAgeHours) => $"it is older than safety.planMaxAgeHours {maxAgeHours} (made {plan.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z)",
            _ => null,
        };
        return why is null ? (plan, null) : (null, $"{path}: refused: {why}; nothing deleted. Make a new plan: oci-cleanup plan --out PLAN");
    }

    private string ComputeChecksum()
    {
        var text = JsonSerializer.Serialize(this with { Checksum = "" }, Options);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
