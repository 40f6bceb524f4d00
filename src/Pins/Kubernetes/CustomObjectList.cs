using System.Text.Json;
using k8s.Models;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>One page of a custom resource list, items kept as JSON; the item index shows in a <see cref="JsonException"/>'s path.</summary>
internal sealed record CustomObjectList(V1ListMeta? Metadata, List<JsonElement>? Items);
