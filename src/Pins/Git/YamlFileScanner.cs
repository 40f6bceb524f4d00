using System.Collections.Immutable;
using System.Text.Json.Nodes;
using OciCleanup.Pins.DesiredState;
using OciCleanup.Pins.Kubernetes;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.Git;

/// <summary>
/// Reads one YAML file of a Git source with the extractors the cluster source uses: any document's
/// <c>image</c> fields (pod templates and Pods of every kind, all container kinds, image volumes), Flux
/// HelmRelease values (tag-only and digest-only values included), Flux and kustomize
/// Kustomization <c>images</c>, and <c>$imagepolicy</c> markers. A file that does not parse is a warning
/// naming <c>path:line</c>: a broken file in Git is Flux's problem too, not a reason to stop.
/// </summary>
public static class YamlFileScanner
{
    private static readonly Dictionary<string, string> NoOciRepositories = [];

    /// <summary>Scans <paramref name="text"/>, the content of <paramref name="path"/> in source <paramref name="source"/>; <paramref name="origin"/> (<c>NAME@COMMIT:PATH</c>) names the file in warnings.</summary>
    public static YamlFileScan Scan(string source, string path, string text, string origin)
    {
        IReadOnlyList<(JsonNode Document, int Line)> documents;
        try
        {
            documents = YamlDocuments.ParseWithLines(text);
        }
        catch (YamlDocumentException e)
        {
            return new([], [new SourceWarning(WarningKind.UnreadableYaml, $"{origin}:{e.Line}: {e.Message}; the file is skipped")], ImmutableDictionary<string, JsonNode>.Empty, ImmutableDictionary<string, JsonNode>.Empty);
        }

        var lines = new LineFinder(text);
        var findings = ImmutableArray.CreateBuilder<GitFinding>();
        var warnings = ImmutableArray.CreateBuilder<SourceWarning>();
        var policies = ImmutableDictionary.CreateBuilder<string, JsonNode>();
        var repositories = ImmutableDictionary.CreateBuilder<string, JsonNode>();
        for (var i = 0; i < documents.Count; i++)
        {
            var (document, from) = documents[i];
            var until = i + 1 < documents.Count ? documents[i + 1].Line : int.MaxValue;
            var kind = JsonTree.At(document, "kind");
            var group = (JsonTree.At(document, "apiVersion") ?? "").Split('/')[0];
            if (kind == "HelmRelease" && group == "helm.toolkit.fluxcd.io")
            {
                // valuesFrom lives in the cluster (ConfigMaps, Secrets): the cluster source reads it.
                var values = HelmReleaseValues.Merge([], JsonTree.Node(document, "spec.values"));
                Add(HelmReleaseImages.Extract(source, document, values, NoOciRepositories), path, lines, from, until, findings, warnings);
            }
            else if (kind == "Kustomization" && group == "kustomize.toolkit.fluxcd.io")
            {
                Add(KustomizationImages.Of(source, WithSetImages(document, JsonTree.Node(document, "spec.images"))), path, lines, from, until, findings, warnings);
            }
            else if ((kind == "Kustomization" && group == "kustomize.config.k8s.io") || (kind is null && IsKustomizationFile(path)))
            {
                Add(KustomizationImages.Of(source, WithSetImages(document, JsonTree.Node(document, "images"))), path, lines, from, until, findings, warnings);
            }
            else if (group == "image.toolkit.fluxcd.io")
            {
                // An ImageRepository's image has no tag (it is no `latest`); a policy is resolved through its markers.
                (kind == "ImagePolicy" ? policies : kind == "ImageRepository" ? repositories : null)?.TryAdd(Key(document), document);
            }
            else
            {
                findings.AddRange(ManifestFindings(document, lines, from, until));
            }
        }

        findings.AddRange(ImagePolicyMarkers.In(text).Select(m => new GitFinding(null, m.Line, m.Policy)));
        return new(findings.ToImmutable(), warnings.ToImmutable(), policies.ToImmutable(), repositories.ToImmutable());
    }

    // Every `image:` string or image volume of an object: what a pod template or a Pod runs, of any kind.
    private static IEnumerable<GitFinding> ManifestFindings(JsonNode document, LineFinder lines, int from, int until)
    {
        foreach (var found in JsonTree.ManifestImages(document))
        {
            if (ImageReference.TryParse(found.Image, out var reference, out _))
            {
                yield return new GitFinding(new ImageTarget(reference), lines.Find(found.Image, from, until));
            }
        }
    }

    private static void Add(Extraction extraction, string path, LineFinder lines, int from, int until, ImmutableArray<GitFinding>.Builder findings, ImmutableArray<SourceWarning>.Builder warnings)
    {
        findings.AddRange(extraction.Protections.Select(p => new GitFinding(p.Target, lines.Find(Needle(p.Target), from, until))));
        warnings.AddRange(extraction.Warnings.Select(w => w with { Detail = $"{path}: {w.Detail}" }));
    }

    private static string? Needle(ProtectionTarget target) => target switch
    {
        ImageTarget { Image: var image } => image.Tag ?? image.Digest?.ToString() ?? image.Repository,
        AnyPackageTagTarget { Tag: var tag } => tag,
        AnyPackageDigestTarget { Digest: var digest } => digest.ToString(),
        _ => null,
    };

    // An entry with no newTag or digest keeps the tag written in the manifests, which this source reads itself.
    private static JsonObject WithSetImages(JsonNode document, JsonNode? images) =>
        new()
        {
            ["metadata"] = JsonTree.Node(document, "metadata")?.DeepClone(),
            ["spec"] = new JsonObject
            {
                ["suspend"] = JsonTree.Node(document, "spec.suspend")?.DeepClone(),
                ["images"] = new JsonArray([.. (images as JsonArray ?? []).Where(e => !string.IsNullOrEmpty(JsonTree.At(e, "newTag")) || !string.IsNullOrEmpty(JsonTree.At(e, "digest"))).Select(e => e?.DeepClone())]),
            },
        };

    private static bool IsKustomizationFile(string path) =>
        Path.GetFileName(path) is "kustomization.yaml" or "kustomization.yml" or "Kustomization";

    private static string Key(JsonNode o) => $"{JsonTree.At(o, "metadata.namespace")}/{JsonTree.At(o, "metadata.name")}";
}
