using System.Text.Json;

namespace OciCleanup.Integration.Tests.Support;

/// <summary>Reads the JSON report (SPEC §8) the way another tool would: by field name.</summary>
internal sealed class ReportJson(string json)
{
    public JsonElement Root { get; } = JsonDocument.Parse(json).RootElement;

    public IEnumerable<JsonElement> Decisions => Root.GetProperty("decisions").EnumerateArray();

    public JsonElement Decision(string package, string version) =>
        Decisions.Single(d => d.GetProperty("package").GetString() == package && d.GetProperty("version").GetString() == version);

    public string Action(string package, string version) => Decision(package, version).GetProperty("action").GetString()!;

    public IReadOnlyList<string> ReasonKinds(string package, string version) =>
        [.. Decision(package, version).GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("kind").GetString()!)];

    public JsonElement Summary => Root.GetProperty("summary");

    public JsonElement Source(string name) => Root.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);
}
