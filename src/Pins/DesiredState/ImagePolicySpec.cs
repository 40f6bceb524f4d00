using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using OciCleanup.Pins.Kubernetes;

namespace OciCleanup.Pins.DesiredState;

/// <summary>
/// Reads an ImagePolicy's <c>spec.policy</c> and <c>spec.filterTags</c> into <see cref="ImagePolicyTags"/>
/// the way image-reflector-controller's <c>PolicerFromSpec</c> does: <c>semver</c> first, then
/// <c>alphabetical</c>, then <c>numerical</c>; an order is case-insensitive and defaults to <c>asc</c>.
/// </summary>
public static class ImagePolicySpec
{
    /// <summary>The policy of an ImagePolicy object, or why Flux itself would refuse it.</summary>
    public static bool TryRead(JsonNode policy, [NotNullWhen(true)] out ImagePolicyTags? tags, out string error)
    {
        tags = null;
        if (!TryOrder(JsonTree.Node(policy, "spec.policy"), out var order, out error))
        {
            return false;
        }

        GoRegex? pattern = null;
        var filter = JsonTree.Node(policy, "spec.filterTags");
        if (filter is JsonObject && !GoRegex.TryParse(JsonTree.At(filter, "pattern") ?? "", out pattern, out error))
        {
            error = "filterTags." + error;
            return false;
        }

        tags = new ImagePolicyTags(pattern, filter is JsonObject ? JsonTree.At(filter, "extract") ?? "" : "", order);
        return true;
    }

    private static bool TryOrder(JsonNode? choice, [NotNullWhen(true)] out TagOrder? order, out string error)
    {
        order = null;
        error = "";
        if (JsonTree.Node(choice, "semver") is JsonObject)
        {
            if (!FluxSemverRange.TryParse(JsonTree.At(choice, "semver.range"), out var range, out error))
            {
                return false;
            }

            order = new SemverOrder(range);
            return true;
        }

        var kind = JsonTree.Node(choice, "alphabetical") is JsonObject ? "alphabetical" : JsonTree.Node(choice, "numerical") is JsonObject ? "numerical" : null;
        var direction = kind is null ? null : (JsonTree.At(choice, kind + ".order") ?? "").ToUpperInvariant();
        if (direction is not ("" or "ASC" or "DESC"))
        {
            error = kind is null ? "spec.policy names no semver, alphabetical or numerical policy" : $"spec.policy.{kind}.order '{JsonTree.At(choice, kind + ".order")}' is not asc or desc";
            return false;
        }

        order = kind == "alphabetical" ? new AlphabeticalOrder(direction != "DESC") : new NumericalOrder(direction != "DESC");
        return true;
    }
}
