using System.Text;
using OciCleanup.Cleaner.Inventory.Store;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Tests.Inventory.Store;

public sealed class ManifestBodyStoreTests : IDisposable
{
    private const string Index = "application/vnd.oci.image.index.v1+json";

    private readonly string _stateDir = Directory.CreateTempSubdirectory("oci-cleanup-manifests-").FullName;

    public void Dispose() => Directory.Delete(_stateDir, recursive: true);

    private static RawManifest Manifest(string text) => new(Encoding.UTF8.GetBytes($$"""{"schemaVersion":2,"mediaType":"{{Index}}","manifests":[],"n":"{{text}}"}"""), Index);

    private string PathOf(Digest digest) => Path.Combine(_stateDir, "manifests", "sha256", digest.Hex);

    [Fact]
    public void TryRead_AfterWrite_ReturnsTheSameBytesAndMediaType()
    {
        var manifest = Manifest("a");
        Assert.True(new ManifestBodyStore(_stateDir).Write(manifest));

        var read = new ManifestBodyStore(_stateDir).TryRead(manifest.Digest);

        Assert.NotNull(read);
        Assert.Equal(manifest.Bytes, read.Bytes);
        Assert.Equal(Index, read.MediaType);
        Assert.Equal(manifest.Digest, read.Digest);
    }

    [Fact]
    public void TryRead_MissingStateDir_IsAMissWithoutNotes()
    {
        var store = new ManifestBodyStore(Path.Combine(_stateDir, "never-made"));

        Assert.Null(store.TryRead(Manifest("a").Digest));
        Assert.Empty(store.Notes);
        Assert.False(Directory.Exists(Path.Combine(_stateDir, "never-made")));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Write_NewFile_IsPrivateAndLeavesNoTemporaryFile()
    {
        var manifest = Manifest("a");
        new ManifestBodyStore(_stateDir).Write(manifest);

        Assert.Equal(SafeFiles.PrivateFile, File.GetUnixFileMode(PathOf(manifest.Digest)));
        Assert.Equal(SafeFiles.PrivateFolder, File.GetUnixFileMode(Path.GetDirectoryName(PathOf(manifest.Digest))!));
        Assert.Equal([PathOf(manifest.Digest)], Directory.GetFiles(Path.GetDirectoryName(PathOf(manifest.Digest))!));
    }

    [Theory]
    [InlineData("body")]
    [InlineData("header")]
    [InlineData("truncated")]
    public void TryRead_EntryNotHashingToItsName_IsAMissRemovedAndNoted(string damage)
    {
        var manifest = Manifest("a");
        new ManifestBodyStore(_stateDir).Write(manifest);
        var path = PathOf(manifest.Digest);
        var content = File.ReadAllBytes(path);
        File.WriteAllBytes(path, damage switch
        {
            "body" => [.. content[..^2], (byte)' ', (byte)'}'],
            "header" => [.. content.Skip(Array.IndexOf(content, (byte)'\n') + 1)],
            _ => content[..^5],
        });
        var store = new ManifestBodyStore(_stateDir);

        Assert.Null(store.TryRead(manifest.Digest));
        Assert.False(File.Exists(path));
        Assert.Contains(store.Notes, n => n.Contains(manifest.Digest.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void TryRead_EntryOfAnotherManifest_IsAMiss()
    {
        var (a, b) = (Manifest("a"), Manifest("b"));
        new ManifestBodyStore(_stateDir).Write(b);
        File.Move(PathOf(b.Digest), PathOf(a.Digest));

        Assert.Null(new ManifestBodyStore(_stateDir).TryRead(a.Digest));
        Assert.False(File.Exists(PathOf(a.Digest)));
    }

    [Fact]
    public void TryRead_EntryIsALink_IsNotFollowedAndRemoved()
    {
        var manifest = Manifest("a");
        var elsewhere = Path.Combine(_stateDir, "elsewhere");
        new ManifestBodyStore(elsewhere).Write(manifest);
        new ManifestBodyStore(_stateDir).Write(Manifest("b"));
        File.CreateSymbolicLink(PathOf(manifest.Digest), Path.Combine(elsewhere, "manifests", "sha256", manifest.Digest.Hex));
        var store = new ManifestBodyStore(_stateDir);

        Assert.Null(store.TryRead(manifest.Digest));
        Assert.False(File.Exists(PathOf(manifest.Digest)));
        Assert.True(File.Exists(Path.Combine(elsewhere, "manifests", "sha256", manifest.Digest.Hex)));
        Assert.NotEmpty(store.Notes);
    }

    [Fact]
    public void Write_StoreFolderIsALink_WritesNothingThroughIt()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_stateDir, "elsewhere")).FullName;
        File.CreateSymbolicLink(Path.Combine(_stateDir, "manifests"), elsewhere);
        var store = new ManifestBodyStore(_stateDir);

        Assert.False(store.Write(Manifest("a")));
        Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
        Assert.NotEmpty(store.Notes);
    }

    [Fact]
    public void Prune_DigestsNoLongerListed_AreRemovedListedKept()
    {
        var (kept, gone) = (Manifest("kept"), Manifest("gone"));
        var store = new ManifestBodyStore(_stateDir);
        store.Write(kept);
        store.Write(gone);
        File.WriteAllText(Path.Combine(_stateDir, "manifests", "sha256", ".leftover.tmp"), "x");

        var removed = store.Prune(new HashSet<Digest> { kept.Digest });

        Assert.Equal(2, removed);
        Assert.Equal([PathOf(kept.Digest)], Directory.GetFiles(Path.Combine(_stateDir, "manifests", "sha256")));
        Assert.NotNull(store.TryRead(kept.Digest));
    }

    [Fact]
    public void Write_AtMaxEntries_StoresNothingMoreAndNotes()
    {
        var store = new ManifestBodyStore(_stateDir, maxEntries: 2);

        Assert.True(store.Write(Manifest("a")));
        Assert.True(store.Write(Manifest("b")));
        Assert.False(store.Write(Manifest("c")));
        Assert.Null(store.TryRead(Manifest("c").Digest));
        Assert.Single(store.Notes);
    }

    [Fact]
    public void Write_MediaTypeWithNewline_IsNotStored()
    {
        var manifest = Manifest("a") with { MediaType = "application/json\nx" };

        Assert.False(new ManifestBodyStore(_stateDir).Write(manifest));
        Assert.Null(new ManifestBodyStore(_stateDir).TryRead(manifest.Digest));
    }
}
