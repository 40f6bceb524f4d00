using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// How a reason's origin is written in the JSON report: an object named by <c>type</c> (<c>pins</c>,
/// <c>cluster</c>, <c>git</c>, …) with its fields in camelCase, nulls and false left out. The origin
/// records stay free of serializer attributes; their renderings (<c>detail</c>, place, notes) are not stored.
/// </summary>
internal static class ReasonOriginJson
{
    /// <summary>Writes <see cref="ImagePart"/> as <c>Tag</c> or <c>Digest</c>.</summary>
    public static readonly JsonConverter PartConverter = new JsonStringEnumConverter<ImagePart>();

    /// <summary>The reflection resolver with the origins' shape applied.</summary>
    public static readonly IJsonTypeInfoResolver Resolver = new DefaultJsonTypeInfoResolver { Modifiers = { Shape } };

    private static void Shape(JsonTypeInfo info)
    {
        if (info.Type == typeof(ReasonOrigin))
        {
            info.PolymorphismOptions = new JsonPolymorphismOptions
            {
                TypeDiscriminatorPropertyName = "type",
                DerivedTypes =
                {
                    new(typeof(PinsLineOrigin), "pins"),
                    new(typeof(ClusterObjectOrigin), "cluster"),
                    new(typeof(GitOrigin), "git"),
                    new(typeof(RollbackOrigin), "rollback"),
                    new(typeof(DerivedOrigin), "derived"),
                    new(typeof(RankOrigin), "rank"),
                    new(typeof(RetentionOrigin), "retention"),
                    new(typeof(TextOrigin), "text"),
                },
            };
        }

        if (info.Kind != JsonTypeInfoKind.Object || !(typeof(ReasonOrigin).IsAssignableFrom(info.Type) || info.Type == typeof(PolicyPick)))
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var property = info.Properties[i];
            if (property.Set is null)
            {
                // A rendering (Detail, Place, Notes): made from the fields, never stored.
                info.Properties.RemoveAt(i);
                continue;
            }

            property.Name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            property.ShouldSerialize = static (_, value) => value is not (null or false);
        }
    }
}
