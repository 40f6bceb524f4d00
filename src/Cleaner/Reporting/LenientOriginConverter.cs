using System.Text.Json;
using System.Text.Json.Serialization;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// Reads a stored reason's <c>origin</c> and tolerates one this version cannot read (a kind of origin a
/// newer version wrote, a field of the wrong shape): it is null then, and the reason keeps its words
/// (<c>detail</c>) as a <see cref="TextOrigin"/>. A stored report never makes <c>history</c>, <c>report</c>
/// or <c>diff</c> fail for one reason.
/// </summary>
internal sealed class LenientOriginConverter : JsonConverter<ReasonOrigin?>
{
    public override ReasonOrigin? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var stored = JsonDocument.ParseValue(ref reader);
        try
        {
            return stored.RootElement.Deserialize<ReasonOrigin>(options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, ReasonOrigin? value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);
}
