namespace OciCleanup.Integration.Tests.State;

/// <summary>
/// The fleet of the state tests: owner oleks's package app with v1…v6 pushed 100 days ago and v1 pinned,
/// so a run keeps some and deletes the rest and writes every state file; the config differs only in where
/// state, audit and metrics go.
/// </summary>
internal static class StateFleet
{
    /// <summary>The program, to run under a shell that sets a umask or plants links first.</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "oci-cleanup.dll");

    /// <summary>Starts the server of <paramref name="fleet"/>, pushes v1…v6 and pins v1.</summary>
    public static async Task StartAsync(GiteaFleet fleet)
    {
        await fleet.StartAsync(pins: "container/app==v1\n");
        var old = DateTimeOffset.UtcNow.AddDays(-100);
        for (var i = 1; i <= 6; i++)
        {
            fleet.Gitea.Push("oleks", "app", $"v{i}", StoredManifest.Image($"v{i}"), old.AddDays(i));
        }
    }

    /// <summary>The config, with <paramref name="stateDir"/> and the <c>report:</c> keys (a flow mapping's contents) given.</summary>
    public static string Config(GiteaFleet fleet, string stateDir, string report) =>
        fleet.Config(ConfigFile.KeepLast(2), report, safety: $"maxDeleteFraction: 1, stateDir: {stateDir}");
}
