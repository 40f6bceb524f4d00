using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciCleanup.Integration.Tests.Plans;

/// <summary>
/// SPEC §7a on a registry never cleaned (seed 003): the scheduled limits block the first delete run and
/// say the way forward; a reviewed plan is the operator's approval of its size; apply deletes only what
/// the plan lists and is still planned now, unchanged — never more; a plan edited (even with its hash
/// recomputed), truncated, from another configuration or without this host's plan key is refused with
/// nothing deleted.
/// </summary>
public sealed class PlanApplyTests : IAsyncLifetime
{
    private readonly GiteaFleet _fleet = new("plan-token");
    private readonly DateTimeOffset _old = DateTimeOffset.UtcNow.AddDays(-100);

    public async Task InitializeAsync()
    {
        await _fleet.StartAsync();
        _fleet.PushCmsPlugins(_old, builds: 20, staging: 20, production: 2);
    }

    public Task DisposeAsync() => _fleet.DisposeAsync().AsTask();

    private string Config(string extra = "") => _fleet.Config(ConfigFile.KeepLast(3), safety: "stateDir: state", extra: extra);

    private string PlanPath => Path.Combine(_fleet.Folder.Path, "plan.json");

    private int Deletes => _fleet.Gitea.Requests.Count(r => r.Method == "DELETE");

    private bool Has(string version) => _fleet.Gitea.Versions.Any(v => v.Version == version);

    [Fact]
    public async Task PlanThenApply_DeletesOnlyWhatThePlanListsAndIsStillPlannedUnchanged()
    {
        var blocked = await CleanerProcess.RunAsync("run", "--config", Config(), "--delete", "--report", "json");
        blocked.ExitCode.ShouldBe(1);
        new ReportJson(blocked.Stdout).Summary.GetProperty("blockedReason").GetString()!.ShouldContain("oci-cleanup plan --out plan.json, then oci-cleanup apply plan.json");
        Deletes.ShouldBe(0);

        var plan = await CleanerProcess.RunAsync("plan", "--out", PlanPath, "--config", Config(), "--report", "json");
        plan.ExitCode.ShouldBe(0, plan.Stderr);
        plan.Stderr.ShouldContain("plan written to");
        var planned = JsonNode.Parse(await File.ReadAllTextAsync(PlanPath))!["deletes"]!.AsArray().Select(d => d!["version"]!.GetValue<string>()).ToList();
        planned.ShouldBe(Enumerable.Range(1, 17).Where(i => i != 2).Select(i => $"0.1.{i}"), ignoreOrder: true,
            "keepLast 3 keeps three builds (0.1.20 with staging, 0.1.19, 0.1.18); 0.1.2 is production's manifest (same-manifest)");
        Deletes.ShouldBe(0, "plan is a dry-run");

        // Between review and apply: production is unpinned (the policy now deletes more), 0.1.4 is
        // pinned (it became protected), 0.1.3 is re-pushed (same tag, another manifest).
        _fleet.Folder.Write("pins.txt", "container/cms-plugins==staging\ncontainer/cms-plugins==0.1.4\n");
        _fleet.Gitea.Push("oleks", "cms-plugins", "0.1.3", StoredManifest.Image("build 3 rebuilt"), _old.AddDays(3));

        var apply = await CleanerProcess.RunAsync("apply", PlanPath, "--config", Config(), "--report", "json");

        apply.ExitCode.ShouldBe(0, apply.Stderr);
        var report = new ReportJson(apply.Stdout);
        Deletes.ShouldBe(14);
        report.Summary.GetProperty("deleted").GetInt32().ShouldBe(14);
        Has("production").ShouldBeTrue("not in the plan: never deleted, even though the policy now would");
        report.Decision("cms-plugins", "production").GetProperty("resultDetail").GetString().ShouldBe("not in the approved plan");
        Has("0.1.4").ShouldBeTrue();
        report.Decision("cms-plugins", "0.1.4").GetProperty("resultDetail").GetString()!.ShouldStartWith("in the plan, but kept now: pin");
        Has("0.1.3").ShouldBeTrue();
        report.Decision("cms-plugins", "0.1.3").GetProperty("resultDetail").GetString()!.ShouldStartWith("changed since the plan");
    }

    [Theory]
    [InlineData("edited", "or it was edited after it was written")]
    [InlineData("cut, extended, redated, hash recomputed", "not made by this host's oci-cleanup, or it was edited")]
    [InlineData("no plan key", "there is no plan key")]
    [InlineData("truncated", "not a readable plan")]
    [InlineData("other config", "made with another configuration")]
    public async Task Apply_PlanNotAsReviewed_RefusedAndNothingDeleted(string change, string why)
    {
        (await CleanerProcess.RunAsync("plan", "--out", PlanPath, "--config", Config(), "--report", "json")).ExitCode.ShouldBe(0);
        var text = await File.ReadAllTextAsync(PlanPath);
        var config = Config();
        switch (change)
        {
            case "edited":
                await File.WriteAllTextAsync(PlanPath, text.Replace("\"0.1.5\"", "\"staging\"", StringComparison.Ordinal));
                break;
            case "cut, extended, redated, hash recomputed":
                await File.WriteAllTextAsync(PlanPath, Resigned(text));
                break;
            case "no plan key":
                File.Delete(Path.Combine(_fleet.Folder.Path, "state", "plan.key"));
                break;
            case "truncated":
                await File.WriteAllTextAsync(PlanPath, text[..(text.Length / 2)]);
                break;
            default:
                config = Config(extra: "# another configuration");
                break;
        }

        _fleet.Gitea.ClearRequests();
        var apply = await CleanerProcess.RunAsync("apply", PlanPath, "--config", config);

        apply.ExitCode.ShouldBe(2);
        apply.Stderr.ShouldContain(why);
        apply.Stderr.ShouldContain("nothing deleted");
        _fleet.Gitea.Requests.ShouldBeEmpty("a refused plan contacts nothing");
    }

    /// <summary>
    /// Issue 21's edit: one entry kept, another added, createdAt moved, and an unkeyed SHA-256 of the
    /// result written where the plan's hash goes (the field was <c>checksum</c> before plans carried a MAC).
    /// </summary>
    private static string Resigned(string text)
    {
        var plan = JsonNode.Parse(text)!.AsObject();
        var deletes = plan["deletes"]!.AsArray();
        var kept = deletes[0]!.DeepClone();
        var added = kept.DeepClone();
        added["version"] = "0.1.19";
        deletes.Clear();
        deletes.Add(kept);
        deletes.Add(added);
        plan["createdAt"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var field = plan.ContainsKey("mac") ? "mac" : "checksum";
        plan[field] = "";
        var indented = new JsonSerializerOptions { WriteIndented = true };
        plan[field] = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plan.ToJsonString(indented))));
        return plan.ToJsonString(indented);
    }
}
