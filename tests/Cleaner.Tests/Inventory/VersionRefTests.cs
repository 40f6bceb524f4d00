using System.Text.Json;
using OciCleanup.Cleaner.Execution;
using OciCleanup.Cleaner.Plans;

namespace OciCleanup.Cleaner.Tests.Inventory;

public class VersionRefTests
{
    private static readonly VersionRef Gitea = new("main", "oleks", "container", "cms-plugins", "0.1.1", Some.Digest("b1").ToString());

    [Theory]
    [InlineData("oleks", "main:oleks/container/cms-plugins==0.1.1")]
    [InlineData(null, "main:container/cms-plugins==0.1.1")]
    public void ToString_OwnerOrNone_IsRegistryOwnerTypeNameAndVersion(string? owner, string expected) =>
        (Gitea with { Owner = owner }).ToString().ShouldBe(expected);

    [Fact]
    public void ToString_EveryEntryAndTheInventoriedVersion_NameTheVersionAlike()
    {
        var version = Some.Version("0.1.1", 90, digestSeed: "b1");
        string[] names =
        [
            version.ToString(),
            version.Ref.ToString(),
            new PlanEntry(Gitea, Some.Now).ToString(),
            new DecisionEntry(Gitea, Some.Now, "delete", []).ToString(),
            new AuditEntry(Some.Now, Gitea, "deleted") { Detail = "gone" }.ToString(),
        ];

        names.ShouldAllBe(n => n == "main:oleks/container/cms-plugins==0.1.1");
    }

    [Fact]
    public void Ref_PackageVersion_CarriesItsIdentityAndDigest()
    {
        var version = Some.Version("0.1.1", 90, digestSeed: "b1");

        version.Ref.ShouldBe(Gitea);
        version.Ref.Key.ShouldBe(version.Key);
        version.Ref.PackageKey.ShouldBe(version.Package);
    }

    [Fact]
    public void Serialize_DecisionEntry_KeepsTheIdentityFlatAndFirst()
    {
        var entry = new DecisionEntry(Gitea with { Digest = null }, Some.Now, "keep", [new ReasonEntry("pin", new TextOrigin("p:1"))]);

        JsonSerializer.Serialize(entry).ShouldBe(
            """{"registry":"main","owner":"oleks","type":"container","package":"cms-plugins","version":"0.1.1","digest":null,"createdAt":"2026-06-02T02:00:00+00:00","action":"keep","reasons":[{"kind":"pin","detail":"p:1"}]}""");
    }

    [Fact]
    public void Deserialize_DecisionEntry_ReadsTheFlatIdentityBack()
    {
        var entry = new DecisionEntry(Gitea, Some.Now, "delete", [new ReasonEntry("retention", new TextOrigin("old"))], "deleted", "one DELETE");

        var read = JsonSerializer.Deserialize<DecisionEntry>(JsonSerializer.Serialize(entry)).ShouldNotBeNull();

        read.ToString().ShouldBe(Gitea.ToString());
        read.Digest.ShouldBe(Gitea.Digest);
        (read.CreatedAt, read.Action, read.Result, read.ResultDetail).ShouldBe((Some.Now, "delete", "deleted", "one DELETE"));
        read.Reasons.ShouldBe(ImmutableArray.Create(new ReasonEntry("retention", new TextOrigin("old"))));
    }
}
