using System.Text.RegularExpressions;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// A live reference's detail read back: <c>armer/kotkan/HelmRelease/cms-plugins-staging/app (image)</c>
/// → cluster, namespace, kind, name, where in the object, and the note in brackets.
/// </summary>
internal sealed partial record LiveOrigin(string Cluster, string Namespace, string Kind, string Name, string? Where, string? Note)
{
    /// <summary><c>HelmRelease kotkan/cms-plugins-staging in armer</c>.</summary>
    public string Object => $"{Kind} {Namespace}/{Name} in {Cluster}";

    public static LiveOrigin? TryParse(string detail)
    {
        var m = Shape().Match(detail);
        return m.Success
            ? new LiveOrigin(m.Groups["cluster"].Value, m.Groups["ns"].Value, m.Groups["kind"].Value, m.Groups["name"].Value,
                m.Groups["where"].Success ? m.Groups["where"].Value : null, m.Groups["note"].Success ? m.Groups["note"].Value : null)
            : null;
    }

    [GeneratedRegex(@"^(?<cluster>[^/ ]+)/(?<ns>[^/ ]+)/(?<kind>[A-Z][A-Za-z]+)/(?<name>[^/ ]+)(/(?<where>[^ ]+))?( \((?<note>.*)\))?$")]
    private static partial Regex Shape();
}
