using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OciCleanup.Cleaner.Planning;
using OciCleanup.Cleaner.Reporting;

namespace OciCleanup.Cleaner.Plans;

/// <summary>
/// A reviewed plan (docs/reports.md, "Plans: `plan` and `apply`"): the planned deletes, the configuration's hash, the run id and time, and
/// a MAC over all of it keyed with this host's <see cref="PlanKey"/>, so that a plan edited by hand
/// (even with a checksum recomputed), truncated, made on another host or with another configuration,
/// or older than <c>planMaxAgeHours</c> is refused before anything is contacted.
/// </summary>
internal sealed record PlanFile(int PlanVersion, string RunId, DateTimeOffset CreatedAt, string ConfigHash, ImmutableArray<PlanEntry> Deletes, string Mac)
{
    // 1 carried an unkeyed checksum that anyone could recompute.
    private const int CurrentVersion = 2;

    // Its keys are its members' names in camelCase (planVersion, runId, …, mac): the file's shape is the record's.
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Converters = { new UtcTimestampConverter() } };

    /// <summary>The file of a run's plan: the planner's deletes, not a rendering of them.</summary>
    public static PlanFile Of(Plan plan, string runId, DateTimeOffset startedAt, string configHash, PlanKey key)
    {
        var deletes = plan.Deletes.Select(d => new PlanEntry(d.Version.Ref, d.Version.CreatedAt)).ToImmutableArray();
        var file = new PlanFile(CurrentVersion, runId, startedAt, configHash, deletes, "");
        return file with { Mac = file.ComputeMac(key) };
    }

    /// <summary>The sha256 of a configuration file's bytes: a plan is only valid with the configuration it was made with.</summary>
    public static string HashOf(string configPath) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(configPath)));

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Writes the plan 0600, atomically, never through a link.</summary>
    public Task WriteAsync(string path, CancellationToken cancellationToken) =>
        SafeFiles.WriteAtomicAsync(path, (file, ct) => file.WriteAsync(Encoding.UTF8.GetBytes(ToJson()), ct).AsTask(), SafeFiles.PrivateFile, cancellationToken);

    /// <summary>Reads and checks a plan against the key in <paramref name="stateDir"/>; the error says why it is refused.</summary>
    public static (PlanFile? Plan, string? Error) Read(string path, string configHash, DateTimeOffset now, int maxAgeHours, string stateDir)
    {
        PlanFile? plan;
        try
        {
            plan = JsonSerializer.Deserialize<PlanFile>(SafeFiles.ReadAllText(path), Options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return (null, $"{path}: not a readable plan ({e.Message.Split('\n')[0].TrimEnd('.')}): nothing deleted");
        }

        var (key, keyError) = plan is null ? (null, null) : PlanKey.Load(stateDir);
        string? why = plan switch
        {
            null or { PlanVersion: not CurrentVersion } or { Deletes.IsDefault: true } or { Mac: null } => "not a plan of this version of oci-cleanup",
            _ when key is null => keyError,
            _ when !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(plan.Mac), Encoding.ASCII.GetBytes(plan.ComputeMac(key))) =>
                "it was not made by this host's oci-cleanup, or it was edited after it was written (its MAC does not match its content)",
            _ when plan.ConfigHash != configHash => "it was made with another configuration (the configuration's hash differs)",
            _ when now - plan.CreatedAt > TimeSpan.FromHours(maxAgeHours) => $"it is older than safety.planMaxAgeHours {maxAgeHours} (made {plan.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z)",
            _ => null,
        };
        return why is null ? (plan, null) : (null, $"{path}: refused: {why}; nothing deleted. Make a new plan: oci-cleanup plan --out PLAN");
    }

    private string ComputeMac(PlanKey key) => key.Mac(JsonSerializer.Serialize(this with { Mac = "" }, Options));
}
