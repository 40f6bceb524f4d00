using OciCleanup.TestServers.GitHub;

namespace OciCleanup.Integration.Tests.GitHub;

/// <summary>A fake GitHub with a token and a folder holding the token file, pins and the program's config.</summary>
internal sealed class GitHubFleet : IAsyncDisposable
{
    public static readonly DateTimeOffset Old = DateTimeOffset.UtcNow.AddDays(-100);

    private GitHubFleet(TimeProvider? clock) => Server = new GitHubTestServer(clock);

    public GitHubTestServer Server { get; }

    public TempFolder Folder { get; } = new();

    public GitHubState State => Server.State;

    public static async Task<GitHubFleet> StartAsync(GitHubToken token, TimeProvider? clock = null)
    {
        var fleet = new GitHubFleet(clock);
        await fleet.Server.StartAsync();
        fleet.Server.AddToken(token);
        fleet.Folder.Write("token", token.Value);
        fleet.Folder.Write("pins.txt", "");
        return fleet;
    }

    /// <summary>The usual start: a classic token of viktor's with these scopes, and viktor's empty package app.</summary>
    public static async Task<GitHubFleet> StartWithAppAsync(params string[] scopes)
    {
        var fleet = await StartAsync(GitHubToken.Classic("pat", "viktor", scopes));
        fleet.State.AddPackage("viktor", "app");
        return fleet;
    }

    /// <summary>A config with one github registry; <paramref name="extra"/> is more of its keys, indented as they are.</summary>
    public string Config(string owners, string extra = "", int keepLast = 1) => Folder.Write("config.yaml", $"""
        registries:
          - name: gh
            kind: github
            url: {Server.ApiUrl}
            registryUrl: {Server.RegistryUrl}
            tokenFile: token
            owners: [{owners}]
            hostAliases: [{Server.RegistryHost}]
        {extra}
        pins:
          files: [pins.txt]
        retention:
          default:
            keepLast: {keepLast}
            keepWithinDays: 0
            minAgeHours: 0
            untaggedAfterDays: 2
        safety:
          maxDeleteFraction: 1
          stateDir: state
        report:
          auditLog: audit.jsonl
        """);

    public static Task<CleanerProcess.Result> RunAsync(string config, params string[] more) =>
        CleanerProcess.RunAsync(["run", "--config", config, "--report", "json", .. more]);

    public IReadOnlyList<GitHubRequest> Requests(string server, string method) =>
        [.. Server.Log.Where(r => r.Server == server && r.Method == method)];

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Folder.Dispose();
    }
}
