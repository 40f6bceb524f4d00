using OciCleanup.Cleaner;
using OciCleanup.Cleaner.Inventory.GitHub;
using OciCleanup.TestServers.GitHub;

namespace OciCleanup.Integration.Tests.GitHub;

/// <summary>
/// Issue 20 item 4: no more than GitHub's ~180 deletes a minute. The program runs in this process with
/// the GitHub client on a clock shared with the server, so the spacing is measured, not slept through.
/// </summary>
public sealed class GitHubDeleteSpacingTests
{
    [Fact]
    public async Task Delete_MoreVersionsThanAMinutesLimit_SpacedSoNoDeleteHitsTheSecondaryLimit()
    {
        var clock = new SteppingClock(DateTimeOffset.UtcNow);
        await using var fleet = await GitHubFleet.StartAsync(GitHubToken.Classic("pat", "viktor", "read:packages", "delete:packages"), clock);
        var state = fleet.Server.State;
        state.AddPackage("viktor", "app");
        const int versions = 200;
        for (var i = 0; i < versions; i++)
        {
            state.PushImage("viktor", "app", $"v{i}", GitHubFleet.Old.AddMinutes(i), $"v{i}");
        }

        fleet.Server.Options.DeletesPerMinute = 180;
        var error = new StringWriter();
        var root = new CompositionRoot(TimeProvider.System, new CommandConsole(TextWriter.Null, error, () => Stream.Null))
        {
            RegistryMaker = (config, loggers, _, _) => GitHubWiring.Create(config, loggers, clock),
        };

        var exit = await Cli.InvokeAsync(["run", "--config", fleet.Config("viktor"), "--report", "json", "--delete"], root);

        exit.ShouldBe(0, error.ToString());
        // A DELETE refused by the secondary limit is sent again after Retry-After: one request per version means none was refused.
        fleet.Requests("api", "DELETE").Count.ShouldBe(versions - 1);
        state.ActiveVersions("viktor", "app").ShouldHaveSingleItem();
    }
}
