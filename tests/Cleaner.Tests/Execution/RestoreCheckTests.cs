using System.Text;
using OciCleanup.Cleaner.Execution;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Tests.Execution;

public class RestoreCheckTests
{
    private const string Body = """{"schemaVersion":2,"config":{"digest":"sha256:aa"}}""";

    private static readonly Digest Recorded = Digest.Sha256Of(Encoding.UTF8.GetBytes(Body));

    private static AuditEntry Entry(string version = "0.1.1", string? digest = null, string? manifest = null) =>
        new(Some.Now, new VersionRef("main", "oleks", "container", "app", version, digest ?? Recorded.ToString()), "deleted")
        {
            RunId = "r1",
            MediaType = "application/vnd.oci.image.manifest.v1+json",
            Manifest = manifest ?? Convert.ToBase64String(Encoding.UTF8.GetBytes(Body)),
            Line = 17,
        };

    [Fact]
    public void Manifest_BytesHashToTheRecordedDigest_IsPushed()
    {
        var (manifest, refusal) = RestoreCheck.Manifest(Entry());

        refusal.ShouldBeNull();
        manifest.ShouldNotBeNull().Digest.ShouldBe(Recorded);
    }

    private static AuditEntry Edited(string how) => how switch
    {
        "body edited" => Entry(manifest: Convert.ToBase64String(Encoding.UTF8.GetBytes(Body.Replace("aa", "bb", StringComparison.Ordinal)))),
        "digest edited" => Entry(digest: Some.Digest("other").ToString()),
        "no digest" => Entry(digest: "none"),
        "not base64" => Entry(manifest: "%%%"),
        "no manifest kept" => Entry() with { Manifest = null },
        _ => Entry(version: Some.Digest("other").ToString()),
    };

    [Theory]
    [InlineData("body edited", "audit line 17: the kept manifest hashes to sha256:")]
    [InlineData("digest edited", "not to the recorded sha256:")]
    [InlineData("no digest", "audit line 17 records no valid digest")]
    [InlineData("not base64", "not valid base64")]
    [InlineData("no manifest kept", "keeps no manifest")]
    [InlineData("digest version is another digest", "is not the recorded digest")]
    public void Manifest_NotProvablyWhatWasDeleted_IsRefused(string how, string expected)
    {
        var (manifest, refusal) = RestoreCheck.Manifest(Edited(how));

        manifest.ShouldBeNull(how);
        refusal.ShouldNotBeNull(how).Reason.ShouldContain(expected, Case.Sensitive, how);
    }

    public static TheoryData<string?, bool, string?> LiveTags => new()
    {
        { null, false, null },
        { "recorded", false, "already-present" },
        { "recorded", true, "already-present" },
        { "other", false, "refused" },
        { "other", true, null },
    };

    [Theory]
    [MemberData(nameof(LiveTags))]
    public void Live_TagNow_PushOnlyWhenAbsentOrForced(string? live, bool force, string? expected)
    {
        Digest? now = live switch { null => null, "recorded" => Recorded, _ => Some.Digest("pushed by CI since") };

        var outcome = RestoreCheck.Live(Entry(), Recorded, now, force);

        outcome?.Kind.ShouldBe(expected);
        if (expected is null)
        {
            outcome.ShouldBeNull();
        }

        if (outcome is RestoreOutcome.Refused refused)
        {
            refused.Reason.ShouldContain($"0.1.1 now points at {now}");
            refused.Reason.ShouldContain("restore --force");
        }
    }
}
