using System.Text.Json;
using System.Text.Json.Serialization;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>A digest in the JSON report: its text, <c>sha256:…</c>.</summary>
internal sealed class DigestJsonConverter : JsonConverter<Digest>
{
    public override Digest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Digest.TryParse(reader.GetString(), out var digest) ? digest.Value : throw new JsonException("not a digest");

    public override void Write(Utf8JsonWriter writer, Digest value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
