using OciCleanup.Cleaner.Execution;

namespace OciCleanup.Cleaner.Tests.Execution;

/// <summary>An audit line is written and read back as one record, <see cref="AuditEntry"/>, in the shape operators' tools already parse.</summary>
public sealed class AuditLogTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"oci-cleanup-audit-{Guid.NewGuid():N}.log");

    public void Dispose() => File.Delete(_path);

    private string[] Written(Action<AuditLog> write)
    {
        using (var audit = AuditLog.Open(_path, new FixedClock(Some.Now), "r1"))
        {
            write(audit);
        }

        return File.ReadAllLines(_path);
    }

    [Fact]
    public void Record_Deleted_WritesTheLineInItsFixedShape()
    {
        var version = new PackageVersion("lan", null, "container", "team/app", "1.0", Some.Digest("b1"), Some.Now);
        var manifest = new RawManifest("{}"u8.ToArray(), "application/vnd.oci.image.manifest.v1+json");

        var lines = Written(audit =>
        {
            audit.Attempt(version);
            audit.Record(version, new DeleteOutcome.Deleted("one DELETE"), manifest);
        });

        lines.ShouldBe([
            $$"""{"time":"2026-06-02T02:00:00+00:00","registry":"lan","type":"container","package":"team/app","version":"1.0","digest":"{{Some.Digest("b1")}}","result":"attempting","runId":"r1"}""",
            $$"""{"time":"2026-06-02T02:00:00+00:00","registry":"lan","type":"container","package":"team/app","version":"1.0","digest":"{{Some.Digest("b1")}}","result":"deleted","detail":"one DELETE","runId":"r1","mediaType":"application/vnd.oci.image.manifest.v1\u002Bjson","manifest":"e30="}""",
        ]);
    }

    [Fact]
    public void Parse_WrittenLine_ReadsBackWhatWasWritten()
    {
        var version = Some.Version("0.1.1", 90, digestSeed: "b1");
        var manifest = new RawManifest("{}"u8.ToArray(), "application/vnd.oci.image.manifest.v1+json");

        var read = AuditTrail.Parse(Written(audit => audit.Record(version, new DeleteOutcome.Deleted("gone"), manifest))).ShouldHaveSingleItem();

        read.ShouldBe(new AuditEntry(Some.Now, version.Ref, "deleted")
        {
            Detail = "gone",
            RunId = "r1",
            MediaType = manifest.MediaType,
            Manifest = "e30=",
            Line = 1,
        });
    }
}
