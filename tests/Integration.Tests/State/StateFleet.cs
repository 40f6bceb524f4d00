using OciCleanup.Integration.Tests.Support;
using OciCleanup.TestServers;

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

    public static void Populate(GiteaTestServer gitea, TempFolder folder, string token)
    {
        var old = DateTimeOffset.UtcNow.AddDays(-100);
        for (var i = 1; i <= 6; i++)
        {
            gitea.Push("oleks", "app", $"v{i}", StoredManifest.Image($"v{i}"), old.AddDays(i));
        }

        folder.Write("token", token);
        folder.Write("pins.txt", "container/app==v1\n");
    }

    /// <summary>The config, with <paramref name="stateDir"/> and the <c>report:</c> keys (indented two spaces) given.</summary>
    public static string Config(TempFolder folder, Uri gitea, string stateDir, string report) => folder.Write("config.yaml", $"""
        registries:
          - name: main
            kind: gitea
            url: {gitea}
            tokenFile: token
            owners: [oleks]
        pins:
          files: [pins.txt]
        retention:
          default: {"{"}keepLast: 2, keepWithinDays: 0, minAgeHours: 0{"}"}
        safety:
          maxDeleteFraction: 1
          stateDir: {stateDir}
        report:
        {report}
        """);
}
