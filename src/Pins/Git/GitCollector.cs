using System.Collections.Immutable;
using System.Text.Json.Nodes;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.Git;

/// <summary>
/// Turns scanned files into protections: each target once per file path, at HEAD if HEAD names it there,
/// else at the newest commit of the window that does (history: a version it names that is gone is no
/// warning). Markers resolve against the ImagePolicies and ImageRepositories at HEAD.
/// </summary>
internal sealed class GitCollector(string source, IReadOnlyDictionary<string, string?> texts)
{
    private readonly Dictionary<(string Blob, string Path), YamlFileScan> _scans = [];
    private readonly HashSet<(ProtectionTarget, string)> _seen = [];
    private readonly HashSet<string> _markersSeen = new(StringComparer.Ordinal);
    private readonly List<(GitFinding Marker, ProtectionReason Reason, bool History)> _markers = [];
    private readonly ImmutableArray<Protection.Protection>.Builder _protections = ImmutableArray.CreateBuilder<Protection.Protection>();
    private readonly ImmutableArray<SourceWarning>.Builder _warnings = ImmutableArray.CreateBuilder<SourceWarning>();
    private readonly Dictionary<string, JsonNode> _policies = [];
    private readonly Dictionary<string, JsonNode> _repositories = [];

    public void AddHead(string commit, IEnumerable<GitFile> files)
    {
        foreach (var file in files)
        {
            var scan = Scan(commit, file, atHead: true);
            _warnings.AddRange(scan.Warnings);
            foreach (var (key, policy) in scan.Policies)
            {
                _policies.TryAdd(key, policy);
            }

            foreach (var (key, repository) in scan.Repositories)
            {
                _repositories.TryAdd(key, repository);
            }

            Add(commit, file.Path, scan, atHead: true);
        }
    }

    public void AddHistory(GitCommit commit)
    {
        foreach (var file in commit.Changed)
        {
            var scan = Scan(commit.Id, file, atHead: false);
            // What a past commit could not resolve was said when it was HEAD; a file skipped is said now.
            _warnings.AddRange(scan.Warnings.Where(w => w.Kind == WarningKind.UnreadableYaml));
            Add(commit.Id, file.Path, scan, atHead: false);
        }
    }

    public (ImmutableArray<Protection.Protection> Protections, ImmutableArray<SourceWarning> Warnings) Finish()
    {
        foreach (var (marker, reason, history) in _markers)
        {
            var (protections, warnings) = MarkerResolver.Resolve(source, marker.Policy!, reason, history, _policies, _repositories);
            _protections.AddRange(protections);
            _warnings.AddRange(warnings);
        }

        return (_protections.ToImmutable(), [.. _warnings.Distinct()]);
    }

    private YamlFileScan Scan(string commit, GitFile file, bool atHead)
    {
        if (_scans.TryGetValue((file.Blob, file.Path), out var scan))
        {
            return scan;
        }

        var origin = $"{source}@{GitReason.Abbreviate(commit)}:{file.Path}";
        scan = texts.TryGetValue(file.Blob, out var text) && text is not null
            ? YamlFileScanner.Scan(source, file.Path, text, origin)
            : new YamlFileScan([], [new SourceWarning(WarningKind.UnreadableYaml, $"{origin}:1: larger than {BlobReader.MaxBytes} bytes{(atHead ? "" : " (history)")}; the file is skipped")], ImmutableDictionary<string, JsonNode>.Empty, ImmutableDictionary<string, JsonNode>.Empty);
        _scans[(file.Blob, file.Path)] = scan;
        return scan;
    }

    private void Add(string commit, string path, YamlFileScan scan, bool atHead)
    {
        foreach (var finding in scan.Findings)
        {
            var reason = GitReason.Of(source, commit, path, finding.Line, atHead);
            if (finding.Target is null)
            {
                if (_markersSeen.Add(finding.Policy!))
                {
                    _markers.Add((finding, reason, !atHead));
                }
            }
            else if (_seen.Add((finding.Target, path)))
            {
                _protections.Add(new Protection.Protection(finding.Target, reason) { IsHistory = !atHead });
            }
        }
    }
}
