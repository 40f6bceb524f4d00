namespace OciCleanup.Integration.Tests.Oci;

/// <summary>Real images and multi-arch indexes pushed to the real distribution registry, with what retention should make of them.</summary>
internal sealed class OciFleet : IAsyncDisposable
{
    public static readonly string[] Kept = ["v6", "multi", "amd64-only", "p1", "p1-alias", "staging", "staging-latest"];
    public static readonly string[] Deleted = ["v1", "v2", "v3", "v4", "v5", "multi-old"];

    private OciPusher? _push;

    public DistributionRegistry Registry { get; } = new();

    /// <summary>Pushes to the registry, once it is started.</summary>
    public OciPusher Push => _push ?? throw new InvalidOperationException("start the fleet first");

    public TempFolder Folder { get; } = new();

    /// <summary>A fault proxy in front of the registry, when <see cref="StartAsync"/> was asked for one.</summary>
    public FaultProxy Proxy { get; private set; } = null!;

    public string V6SignatureTag { get; private set; } = "";

    /// <summary>
    /// Starts the registry (and a fault proxy in front of it when <paramref name="behindProxy"/>) and pushes the fleet,
    /// unless <paramref name="pushFleet"/> is false: then the registry is empty for the test's own images.
    /// </summary>
    public async Task StartAsync(bool behindProxy = false, bool pushFleet = true)
    {
        await Registry.InitializeAsync();
        _push = new OciPusher(Registry.Url);
        if (behindProxy)
        {
            Proxy = new FaultProxy(Registry.Url);
            await Proxy.StartAsync();
        }

        if (!pushFleet)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        for (var i = 1; i <= 5; i++)
        {
            await Push.PushImageAsync("team/app", $"v{i}", $"app v{i}", now.AddDays(-101 + i));
        }

        var v6 = await Push.PushImageAsync("team/app", "v6", "app v6", now.AddDays(-1));
        V6SignatureTag = $"sha256-{v6.Digest["sha256:".Length..]}.sig";
        await Push.PushImageAsync("team/app", V6SignatureTag, "signature of v6", now.AddDays(-100));
        var (_, children) = await Push.PushIndexAsync("team/app", "multi", "multi", now.AddDays(-50), "amd64", "arm64");
        await Push.TagAsync("team/app", "amd64-only", children[0].Manifest);
        await Push.PushIndexAsync("team/app", "multi-old", "multi-old", now.AddDays(-90), "amd64", "arm64");
        var p1 = await Push.PushImageAsync("team/app", "p1", "pinned by digest", now.AddDays(-80));
        await Push.TagAsync("team/app", "p1-alias", p1.Manifest);
        var staging = await Push.PushImageAsync("team/app", "staging", "staging build", now.AddDays(-70));
        await Push.TagAsync("team/app", "staging-latest", staging.Manifest);
        await Push.PushImageAsync("team/other", "x1", "other x1", now.AddDays(-60));
        await Push.PushImageAsync("excluded/thing", "old", "excluded", now.AddDays(-300));

        Folder.Write("pins.txt", $"""
            container/team/app==multi
            container/team/app@{p1.Digest}
            container/team/app==staging
            """);
    }

    /// <summary>The registry <c>lan</c> (kind oci) as a flow mapping; <paramref name="more"/> adds keys.</summary>
    public static string Lan(Uri url, string more = "") => $"name: lan, kind: oci, url: '{url}'{more}";

    public string Config(Uri? url = null, int concurrency = 8, string repositories = "{include: ['team/*'], exclude: ['team/base-*']}") => ConfigFile.Write(
        Folder,
        Lan(url ?? Registry.Url, $", concurrency: {concurrency}, repositories: {repositories}"),
        "default: {keepLast: 1, keepWithinDays: 14, minAgeHours: 0}");

    /// <summary>config.yaml for the registry (or <paramref name="url"/> in front of it) keeping the newest <paramref name="keepLast"/>, no pins.</summary>
    public string KeepLastConfig(int keepLast = 1, Uri? url = null, string more = "") =>
        ConfigFile.Write(Folder, Lan(url ?? Registry.Url, more), ConfigFile.KeepLast(keepLast), pins: null);

    public async ValueTask DisposeAsync()
    {
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        _push?.Dispose();
        await Registry.DisposeAsync();
        Folder.Dispose();
    }
}
