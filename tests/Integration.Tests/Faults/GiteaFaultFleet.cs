using System.Text.Json.Nodes;

namespace OciCleanup.Integration.Tests.Faults;

/// <summary>
/// 63 versions over two list pages of 50 behind a <see cref="FaultProxy"/>: v1…v60, and a pinned
/// multi-arch index <c>multi</c> (oldest, so on page 2) with its two <c>sha256:</c> children. Retention
/// would delete most of it, so whatever a fault makes the program miss, it would delete.
/// </summary>
internal sealed class GiteaFaultFleet : IAsyncDisposable
{
    public const string Token = "gitea-fault-token";
    public const int VersionCount = 63;

    private readonly GiteaFleet _fleet = new(Token);

    public GiteaTestServer Gitea => _fleet.Gitea;

    public FaultProxy Proxy { get; private set; } = null!;

    public TempFolder Folder => _fleet.Folder;

    public StoredManifest Index { get; private set; } = null!;

    public async Task StartAsync()
    {
        await _fleet.StartAsync(pins: "container/app==multi\n");
        Proxy = new FaultProxy(Gitea.Url);
        await Proxy.StartAsync();
        var old = DateTimeOffset.UtcNow.AddDays(-100);
        for (var i = 1; i <= 60; i++)
        {
            Gitea.Push("oleks", "app", $"v{i}", StoredManifest.Image($"v{i}"), old.AddHours(i));
        }

        Index = Gitea.PushIndex("oleks", "app", "multi", "multi", old.AddHours(-10), "amd64", "arm64");
    }

    public string Config(Uri? registry = null, string auditLog = "audit.jsonl") =>
        _fleet.Config(ConfigFile.KeepLast(2), report: $"auditLog: {auditLog}", url: registry ?? Proxy.Url);

    public static bool IsListPage(ProxiedExchange e, int page) =>
        e.Path == "/api/v1/packages/oleks" && e.Query.Contains($"page={page}&", StringComparison.Ordinal);

    /// <summary>The page's JSON array with the items <paramref name="drop"/> selects removed.</summary>
    public static ProxiedResponse Without(ProxiedResponse page, Func<JsonNode, bool> drop)
    {
        var items = JsonNode.Parse(page.Text)!.AsArray();
        foreach (var item in items.Where(i => drop(i!)).ToList())
        {
            items.Remove(item);
        }

        return page.WithText(items.ToJsonString());
    }

    public IEnumerable<RecordedRequest> Deletes => Gitea.Requests.Where(r => r.Method == "DELETE");

    public string[] AuditLines => File.Exists(Path.Combine(Folder.Path, "audit.jsonl")) ? File.ReadAllLines(Path.Combine(Folder.Path, "audit.jsonl")) : [];

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await _fleet.DisposeAsync();
    }
}
