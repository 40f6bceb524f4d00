using OciCleanup.Cleaner.Inventory.Store;

namespace OciCleanup.Cleaner.Tests.Inventory.Store;

public sealed class VersionIdentityStoreTests : IDisposable
{
    private const string Manifest = "application/vnd.oci.image.manifest.v1+json";

    private static readonly Uri Url = new("https://git.example.org");

    private readonly string _stateDir = Directory.CreateTempSubdirectory("oci-cleanup-versions-").FullName;

    public void Dispose() => Directory.Delete(_stateDir, recursive: true);

    private static PackageVersion Described(string version, long id) => Some.Version(version, 10) with { Id = id, MediaType = Manifest };

    [Fact]
    public void Load_AfterSave_KnowsEachContainerVersionByIdWithItsCheck()
    {
        var v1 = Described("v1", 7);
        new VersionIdentityStore(_stateDir, "main", Url).Save([v1, Some.Version("no-id", 1) with { MediaType = Manifest }]);

        var (known, note) = new VersionIdentityStore(_stateDir, "main", Url).Load();

        Assert.Null(note);
        var entry = Assert.Single(known);
        Assert.Equal(7, entry.Key);
        Assert.Equal(new KnownVersion(VersionCheck.Of(v1), v1.Digest!.Value, Manifest), entry.Value);
    }

    [Fact]
    public void Forget_KnownIds_DropsExactlyThoseAndTheFileStillLoads()
    {
        var store = new VersionIdentityStore(_stateDir, "main", Url);
        store.Save([Described("v1", 7), Described("v2", 8), Described("v3", 9)]);

        var (dropped, error) = store.Forget(new HashSet<long> { 8, 42 });

        Assert.Null(error);
        Assert.Equal(1, dropped);
        var (known, note) = store.Load();
        Assert.Null(note);
        Assert.Equal([7L, 9L], known.Keys.Order());
    }

    [Fact]
    public void Forget_NoFile_DropsNothingAndWritesNoFile()
    {
        var store = new VersionIdentityStore(_stateDir, "main", Url);

        Assert.Equal((0, null), store.Forget(new HashSet<long> { 8 }));
        Assert.False(File.Exists(store.FilePath));
    }

    [Fact]
    public void Load_NoFile_EmptyWithoutNote()
    {
        var (known, note) = new VersionIdentityStore(Path.Combine(_stateDir, "absent"), "main", Url).Load();

        Assert.Empty(known);
        Assert.Null(note);
    }

    [Fact]
    public void Load_SameRegistryNameAnotherUrl_EmptyWithNote()
    {
        new VersionIdentityStore(_stateDir, "main", Url).Save([Described("v1", 7)]);

        var (known, note) = new VersionIdentityStore(_stateDir, "main", new Uri("https://other.example.org")).Load();

        Assert.Empty(known);
        Assert.Contains("read again", note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cut")]
    [InlineData("edited")]
    public void Load_DamagedFile_EmptyWithNote(string damage)
    {
        var store = new VersionIdentityStore(_stateDir, "main", Url);
        store.Save([Described("v1", 7), Described("v2", 8)]);
        var lines = File.ReadAllLines(store.FilePath);
        File.WriteAllLines(store.FilePath, damage == "cut" ? lines[..^1] : [.. lines.Select(l => l.Replace("\t7\t", "\t9\t", StringComparison.Ordinal).Replace("7\t", "9\t", StringComparison.Ordinal))]);

        var (known, note) = store.Load();

        Assert.Empty(known);
        Assert.NotNull(note);
    }

    [Fact]
    public void Check_VersionRepushedUnderTheSameName_Differs()
    {
        var before = Described("v1", 7);

        Assert.NotEqual(VersionCheck.Of(before), VersionCheck.Of(before with { CreatedAt = before.CreatedAt.AddSeconds(1) }));
        Assert.NotEqual(VersionCheck.Of(before), VersionCheck.Of(before with { Name = "other" }));
        Assert.Equal(VersionCheck.Of(before), VersionCheck.Of(before with { Digest = Some.Digest("x") }));
    }

    [Theory]
    [InlineData("main", "main.tsv")]
    [InlineData("../escape", null)]
    [InlineData(".hidden", null)]
    public void FilePath_RegistryName_PlainNamesAsTheyAreOthersHashed(string registry, string? expected)
    {
        var name = Path.GetFileName(new VersionIdentityStore(_stateDir, registry, Url).FilePath);

        Assert.Equal(Path.Combine(_stateDir, "manifests", "versions", name), new VersionIdentityStore(_stateDir, registry, Url).FilePath);
        if (expected is null)
        {
            Assert.StartsWith("sha256-", name, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(expected, name);
        }
    }
}
