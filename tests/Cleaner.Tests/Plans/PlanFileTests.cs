using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OciCleanup.Cleaner.Plans;

namespace OciCleanup.Cleaner.Tests.Plans;

public sealed class PlanFileTests : IDisposable
{
    private readonly TempFolder _state = new();

    public void Dispose() => _state.Dispose();

    private string Written(PlanFile plan) => Written(plan.ToJson());

    private string Written(string text) => _state.Write("plan.json", text);

    private static Plan Decided() => new([
        new Decision(Some.Version("0.1.1", 90, digestSeed: "b1"), DecisionAction.Delete, [new Reason("retention", new RetentionOrigin("old"))]),
        new Decision(Some.Version("0.1.2", 89, digestSeed: "b2"), DecisionAction.Delete, [new Reason("retention", new RetentionOrigin("old"))]),
        new Decision(Some.Version("staging", 0, digestSeed: "b9"), DecisionAction.Keep, [new Reason("pin", new PinsLineOrigin("p", 1))]),
    ]);

    private PlanFile Plan() => PlanFile.Of(Decided(), "20260602T020000Z-abcd", Some.Now, "sha256:config", PlanKey.LoadOrCreate(_state.Path));

    [Theory]
    [InlineData(23.9, true)]
    [InlineData(24.1, false)]
    public void Read_OlderThanPlanMaxAgeHours_IsRefused(double hoursLater, bool accepted)
    {
        var path = Written(Plan());

        var (plan, error) = PlanFile.Read(path, "sha256:config", Some.Now.AddHours(hoursLater), maxAgeHours: 24, _state.Path);

        (plan is not null).ShouldBe(accepted, error);
        if (!accepted)
        {
            error.ShouldNotBeNull().ShouldContain("older than safety.planMaxAgeHours 24");
        }
    }

    [Fact]
    public void Of_ListsOnlyThePlannedDeletesWithDigestAndCreationTime()
    {
        var plan = Plan();

        plan.Deletes.Length.ShouldBe(2);
        plan.Deletes[0].ShouldBe(new PlanEntry(new VersionRef("main", "oleks", "container", "cms-plugins", "0.1.1", Some.Digest("b1").ToString()), Some.Now.AddDays(-90)));
        plan.RunId.ShouldBe("20260602T020000Z-abcd");
        plan.Mac.ShouldStartWith("hmac-sha256:");
    }

    [Fact]
    public void Of_DecisionsOfThePlan_AreTheFilesDeletesInOrder()
    {
        var decided = Decided();

        var plan = Plan();

        plan.Deletes.Select(e => e.ToString()).ShouldBe(decided.Deletes.Select(d => d.Version.ToString()));
        plan.Deletes.Select(e => (e.Digest, e.CreatedAt)).ShouldBe(decided.Deletes.Select(d => (d.Version.Digest?.ToString(), d.Version.CreatedAt)));
    }

    [Fact]
    public void ToJson_Plan_KeepsTheKeysOfPlanVersion2()
    {
        var json = JsonNode.Parse(Plan().ToJson())!.AsObject();

        json.Select(p => p.Key).ShouldBe(["planVersion", "runId", "createdAt", "configHash", "deletes", "mac"]);
        json["deletes"]![0]!.AsObject().Select(p => p.Key).ShouldBe(["registry", "owner", "type", "package", "version", "digest", "createdAt"]);
        json["createdAt"]!.GetValue<string>().ShouldBe("2026-06-02T02:00:00Z");
    }

    [Fact]
    public void Read_RoundTrip_KeepsEverything()
    {
        var written = Plan();
        var path = Written(written);

        var (read, error) = PlanFile.Read(path, "sha256:config", Some.Now, 24, _state.Path);

        error.ShouldBeNull();
        read!.Deletes.ShouldBe(written.Deletes);
    }

    [Fact]
    public void Read_CutExtendedRedatedWithAPlainSha256Recomputed_IsRefused()
    {
        // The attack of issue 21: keep one entry, add another, move createdAt, and recompute an unkeyed hash in the MAC's place.
        var json = JsonNode.Parse(Plan().ToJson())!.AsObject();
        var deletes = json["deletes"]!.AsArray();
        deletes.RemoveAt(1);
        var added = deletes[0]!.DeepClone();
        added["version"] = "staging";
        added["digest"] = Some.Digest("b9").ToString();
        deletes.Add(added);
        json["createdAt"] = Some.Now.AddHours(5).ToString("O");
        json["mac"] = "";
        json["mac"] = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json.ToJsonString())));

        var (plan, error) = PlanFile.Read(Written(json.ToJsonString()), "sha256:config", Some.Now.AddHours(6), 24, _state.Path);

        plan.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("not made by this host's oci-cleanup, or it was edited");
    }

    [Fact]
    public void Read_NoPlanKeyInStateDir_IsRefusedAndSaysWhy()
    {
        var path = Written(Plan());
        File.Delete(Path.Combine(_state.Path, PlanKey.FileName));

        var (plan, error) = PlanFile.Read(path, "sha256:config", Some.Now, 24, _state.Path);

        plan.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("there is no plan key");
    }

    [Fact]
    public void Read_PlanSignedWithAnotherHostsKey_IsRefused()
    {
        var path = Written(Plan());
        File.WriteAllBytes(Path.Combine(_state.Path, PlanKey.FileName), RandomNumberGenerator.GetBytes(32));

        var (plan, error) = PlanFile.Read(path, "sha256:config", Some.Now, 24, _state.Path);

        plan.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("not made by this host's oci-cleanup");
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void LoadOrCreate_FirstUse_KeyIs32BytesMode0600AndStable()
    {
        var first = PlanKey.LoadOrCreate(_state.Path).Mac("x");
        var file = Path.Combine(_state.Path, PlanKey.FileName);

        new FileInfo(file).Length.ShouldBe(32);
        File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        PlanKey.LoadOrCreate(_state.Path).Mac("x").ShouldBe(first);
    }
}
