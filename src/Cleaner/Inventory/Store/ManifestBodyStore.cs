using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Inventory.Store;

/// <summary>
/// Manifest bodies by digest in <c>stateDir/manifests/sha256/&lt;hex&gt;</c> (issue 24): a body never
/// changes under its digest, so a run need not fetch again one it has already read. Each file is the
/// media type, a newline, then the bytes exactly as served; a read hashes the bytes again, so an entry
/// that does not hash to its name (torn, edited, planted) is a miss, removed and noted. A cache, never a
/// source of protection: a missing, unreadable or unwritable store only costs requests. Bounded: no entry
/// over <see cref="ReadBounds.ManifestBytes"/>, at most <c>maxEntries</c> files, and <see cref="Prune"/>
/// removes what is no longer listed. Written atomically through <see cref="SafeFiles"/>; never through a link.
/// </summary>
internal sealed class ManifestBodyStore(string stateDir, int maxEntries = ManifestBodyStore.DefaultMaxEntries)
{
    public const string FolderName = "manifests";

    /// <summary>Ten times the 100k-version fleet's distinct manifests: a bound on a runaway, not a budget.</summary>
    public const int DefaultMaxEntries = 1_000_000;

    private readonly string _folder = Path.Combine(stateDir, FolderName, "sha256");
    private readonly StoreNotes _notes = new();
    private readonly Lock _gate = new();
    private int? _entries;
    private bool? _usable;

    /// <summary>What went wrong with the store this run (a few, then a count), for the run's log.</summary>
    public IReadOnlyList<string> Notes => _notes.All;

    /// <summary>The body stored under <paramref name="digest"/>, or null: absent, not sha256, or not what it claims (then removed).</summary>
    public RawManifest? TryRead(Digest digest)
    {
        if (digest.Algorithm != "sha256" || !Usable(create: false))
        {
            return null;
        }

        var path = Path.Combine(_folder, digest.Hex);
        try
        {
            var file = new FileInfo(path);
            if (file.LinkTarget is not null)
            {
                return Discard(path, digest, "a symbolic link");
            }

            if (!file.Exists)
            {
                return null;
            }

            if (file.Length > ReadBounds.ManifestBytes + StoredManifest.MaxMediaTypeLength + 1)
            {
                return Discard(path, digest, "over the manifest size bound");
            }

            using var stream = SafeFiles.OpenRead(path);
            var content = new byte[stream.Length];
            stream.ReadExactly(content);
            return StoredManifest.Decode(content, digest) is { } manifest ? manifest : Discard(path, digest, "not the manifest its name says");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LinkRefusedException)
        {
            _notes.Add($"manifest {digest} not read from the store: {e.Message}");
            return null;
        }
    }

    /// <summary>Stores <paramref name="manifest"/> under its own sha256; false (and a note) when it cannot.</summary>
    public bool Write(RawManifest manifest)
    {
        if (manifest.Bytes.Length > ReadBounds.ManifestBytes || !StoredManifest.CanEncode(manifest.MediaType) || !Usable(create: true))
        {
            return false;
        }

        var digest = manifest.Digest;
        try
        {
            if (!Reserve())
            {
                return false;
            }

            SafeFiles.WriteAtomic(Path.Combine(_folder, digest.Hex), file => StoredManifest.Encode(file, manifest), SafeFiles.PrivateFile);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LinkRefusedException)
        {
            _notes.Add($"manifest {digest} not stored: {e.Message}");
            return false;
        }
    }

    /// <summary>
    /// Removes every entry whose digest is not in <paramref name="listed"/>, and leftovers of killed
    /// writes. Call it only after a complete inventory: pruning on a partial one costs the next run requests.
    /// </summary>
    public int Prune(IReadOnlySet<Digest> listed)
    {
        if (!Usable(create: false))
        {
            return 0;
        }

        var removed = 0;
        try
        {
            foreach (var path in Directory.EnumerateFiles(_folder))
            {
                var name = Path.GetFileName(path);
                if (!Digest.TryParse($"sha256:{name}", out var digest) || !listed.Contains(digest.Value) || name != digest.Value.Hex)
                {
                    File.Delete(path);
                    removed++;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _notes.Add($"{_folder} not pruned: {e.Message}");
        }

        lock (_gate)
        {
            _entries = null;
        }

        return removed;
    }

    private RawManifest? Discard(string path, Digest digest, string why)
    {
        _notes.Add($"stored manifest {digest} was {why}: removed, it is read from the registry again");
        File.Delete(path);
        return null;
    }

    /// <summary>Whether the store's folders are folders (not links); with <paramref name="create"/>, made when missing.</summary>
    private bool Usable(bool create)
    {
        lock (_gate)
        {
            if (_usable is { } known && (known || !create))
            {
                return known;
            }

            try
            {
                if (!create && !Directory.Exists(_folder))
                {
                    SafeFiles.RefuseLink(_folder);
                    return false;
                }

                SafeFiles.EnsureFolder(Path.GetDirectoryName(_folder)!, SafeFiles.PrivateFolder, SafeFiles.FolderCeiling);
                SafeFiles.EnsureFolder(_folder, SafeFiles.PrivateFolder, SafeFiles.FolderCeiling);
                _usable = true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or LinkRefusedException)
            {
                _notes.Add($"manifest store {_folder} not used this run: {e.Message}");
                _usable = false;
            }

            return _usable.Value;
        }
    }

    /// <summary>Counts one more entry against the bound (the folder is counted once, on the first write).</summary>
    private bool Reserve()
    {
        lock (_gate)
        {
            _entries ??= Directory.EnumerateFiles(_folder).Count();
            if (_entries >= maxEntries)
            {
                _notes.Add($"manifest store {_folder} holds its maximum of {maxEntries} entries: nothing more stored this run");
                return false;
            }

            _entries++;
            return true;
        }
    }
}
