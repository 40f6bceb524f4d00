using System.Text.Json;
using System.Text.Json.Serialization;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Planning;

/// <summary>
/// A warning kind as its kebab-case name. Reports stored by earlier builds (run history) used a few
/// names since folded into the closed list; they read as the kind they became.
/// </summary>
internal sealed class WarningKindJsonConverter : JsonConverter<WarningKind>
{
    private static readonly Dictionary<string, WarningKind> Former = new(StringComparer.Ordinal)
    {
        ["helmrelease"] = WarningKind.TagOnlyValues,
        ["kustomization"] = WarningKind.DesiredState,
        ["pin-matches-nothing"] = WarningKind.PinUnmatched,
    };

    public override WarningKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var name = reader.GetString();
        return WarningKind.TryParse(name, out var kind) ? kind
            : name is not null && Former.TryGetValue(name, out var former) ? former
            : throw new JsonException($"unknown warning kind '{name}'");
    }

    public override void Write(Utf8JsonWriter writer, WarningKind value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
}
