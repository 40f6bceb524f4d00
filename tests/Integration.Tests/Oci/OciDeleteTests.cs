using System.Net;

namespace OciCleanup.Integration.Tests.Oci;

/// <summary>Deletes against the real CNCF distribution registry, checked by pulling with skopeo.</summary>
public sealed class OciDeleteTests : IAsyncLifetime
{
    private readonly OciFleet _fleet = new();

    public Task InitializeAsync() => _fleet.StartAsync();

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    [Fact]
    public async Task DryRun_ChangesNothingOnTheRegistry()
    {
        var report = await ConfigFile.RunReportAsync(_fleet.Config());

        report.Summary.GetProperty("delete").GetInt32().ShouldBe(OciFleet.Deleted.Length);
        foreach (var tag in OciFleet.Kept.Concat(OciFleet.Deleted))
        {
            (await _fleet.Registry.ManifestStatusAsync("team/app", tag)).ShouldBe(HttpStatusCode.OK, tag);
        }

        File.Exists(Path.Combine(_fleet.Folder.Path, "audit.jsonl")).ShouldBeFalse();
    }

    [Fact]
    public async Task Delete_KeptImagesStillPullCompletely_DeletedAreGone_SecondRunPlansNothing()
    {
        var result = await CleanerProcess.RunAsync("run", "--config", _fleet.Config(), "--delete", "--report", "json");

        result.ExitCode.ShouldBe(0, result.Stderr + result.Stdout);
        var report = new ReportJson(result.Stdout);
        report.Root.GetProperty("mode").GetString().ShouldBe("delete");
        foreach (var tag in OciFleet.Deleted)
        {
            report.Decision("team/app", tag).GetProperty("result").GetString().ShouldBe("deleted", tag);
            (await _fleet.Registry.ManifestStatusAsync("team/app", tag)).ShouldBe(HttpStatusCode.NotFound, tag);
        }

        // The newest tag of its own package: keepLast is per package.
        report.ReasonKinds("team/other", "x1").ShouldBe(["keep-last"]);
        report.ReasonKinds("team/app", "amd64-only")[0].ShouldBe("index-child");
        report.ReasonKinds("team/app", "p1-alias")[0].ShouldBe("pin");
        report.ReasonKinds("team/app", "staging-latest")[0].ShouldBe("same-manifest");
        report.ReasonKinds("team/app", _fleet.V6SignatureTag)[0].ShouldBe("artifact");
        report.Summary.GetProperty("deleted").GetInt32().ShouldBe(OciFleet.Deleted.Length);

        foreach (var tag in OciFleet.Kept.Append(_fleet.V6SignatureTag))
        {
            var (exit, error) = await Skopeo.PullAllAsync(_fleet.Registry.HostPort, $"team/app:{tag}");
            exit.ShouldBe(0, $"{tag}: {error}");
        }

        (await Skopeo.PullAllAsync(_fleet.Registry.HostPort, "excluded/thing:old")).ExitCode.ShouldBe(0);
        var audit = await File.ReadAllLinesAsync(Path.Combine(_fleet.Folder.Path, "audit.jsonl"));
        audit.Length.ShouldBe(2 * OciFleet.Deleted.Length);
        audit.Where((_, i) => i % 2 == 0).ShouldAllBe(line => line.Contains("\"result\":\"attempting\"", StringComparison.Ordinal));
        audit.Where((_, i) => i % 2 == 1).ShouldAllBe(line => line.Contains("\"result\":\"deleted\"", StringComparison.Ordinal));

        var again = await ConfigFile.RunReportAsync(_fleet.Config(), "--delete");

        again.Summary.GetProperty("delete").GetInt32().ShouldBe(0);
    }
}
