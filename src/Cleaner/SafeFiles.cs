using System.Security.Cryptography;

namespace OciCleanup.Cleaner;

/// <summary>
/// How state, history, plans, the audit log and the metrics file are written (issue 21): never through a
/// symbolic link, atomically through a temp file with an unpredictable name created exclusively in the
/// same folder (so nothing planted under a guessable name is opened), flushed to disk, then renamed over
/// the destination — rename replaces a name, it never follows one. Modes are set on the open handle after
/// creation, so the umask can neither widen nor narrow them.
/// </summary>
internal static class SafeFiles
{
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode PrivateFolder = PrivateFile | UnixFileMode.UserExecute;

    // An existing file or folder keeps at most a group reader (systemd's StateDirectoryMode=0750 grants one).
    public const UnixFileMode FileCeiling = PrivateFile | UnixFileMode.GroupRead;
    public const UnixFileMode FolderCeiling = PrivateFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

    /// <summary>Throws <see cref="LinkRefusedException"/> when <paramref name="path"/> is a symbolic link (to a file or a folder, dangling or not).</summary>
    public static void RefuseLink(string path)
    {
        if (new FileInfo(path).LinkTarget is { } target)
        {
            throw new LinkRefusedException(path, target);
        }
    }

    /// <summary>
    /// Creates <paramref name="folder"/> and its missing parents with <paramref name="mode"/>; an existing one
    /// is used as it is unless <paramref name="ceiling"/> is given, then it loses every permission beyond it
    /// (when it is ours: chmod on another user's folder fails, and their folder is theirs to set).
    /// A link at the folder's own name is refused unless <paramref name="linkAllowed"/> (systemd's
    /// DynamicUser makes <c>/var/lib/NAME</c> a link to <c>/var/lib/private/NAME</c>).
    /// </summary>
    public static void EnsureFolder(string folder, UnixFileMode mode, UnixFileMode? ceiling = null, bool linkAllowed = false)
    {
        if (!linkAllowed)
        {
            RefuseLink(folder);
        }

        if (Directory.Exists(folder))
        {
            if (ceiling is { } most && !OperatingSystem.IsWindows() && (File.GetUnixFileMode(folder) & ~most) != 0)
            {
                try
                {
                    File.SetUnixFileMode(folder, File.GetUnixFileMode(folder) & most);
                }
                catch (UnauthorizedAccessException)
                {
                    // Not ours to narrow: a Kubernetes volume's root belongs to root with the pod's fsGroup.
                }
            }

            return;
        }

        if (Path.GetDirectoryName(Path.GetFullPath(folder)) is { } parent && !Directory.Exists(parent))
        {
            EnsureFolder(parent, mode, ceiling: null, linkAllowed: true);
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        // The create mode is narrowed by the umask; the chmod after it makes it exact.
        Directory.CreateDirectory(folder, mode);
        File.SetUnixFileMode(folder, mode);
    }

    /// <summary>Creates a new file (never opening an existing one or a link) with exactly <paramref name="mode"/>.</summary>
    public static FileStream CreateNew(string path, UnixFileMode mode) => Open(path, FileMode.CreateNew, mode);

    /// <summary>Opens <paramref name="path"/> for writing unless it is a link; a new file gets <paramref name="mode"/>, an existing one loses what exceeds <see cref="FileCeiling"/>.</summary>
    public static FileStream Open(string path, FileMode fileMode, UnixFileMode mode, FileAccess access = FileAccess.Write, FileShare share = FileShare.None)
    {
        RefuseLink(path);
        var options = new FileStreamOptions { Mode = fileMode, Access = access, Share = share, BufferSize = 64 * 1024 };
        if (OperatingSystem.IsWindows())
        {
            return new FileStream(path, options);
        }

        options.UnixCreateMode = mode;
        var file = new FileStream(path, options);
        try
        {
            // On the handle (fchmod): whatever the name points to by now, only the file opened changes.
            var current = File.GetUnixFileMode(file.SafeFileHandle);
            if (fileMode == FileMode.CreateNew)
            {
                File.SetUnixFileMode(file.SafeFileHandle, mode);
            }
            else if ((current & ~FileCeiling) != 0)
            {
                try
                {
                    File.SetUnixFileMode(file.SafeFileHandle, current & FileCeiling);
                }
                catch (UnauthorizedAccessException)
                {
                    // Another user's file that lets us write (an audit log an administrator made): theirs to set.
                }
            }

            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The text of a file that is not a link.</summary>
    public static string ReadAllText(string path)
    {
        RefuseLink(path);
        return File.ReadAllText(path);
    }

    /// <summary>Opens a file that is not a link for reading.</summary>
    public static FileStream OpenRead(string path)
    {
        RefuseLink(path);
        return File.OpenRead(path);
    }

    /// <summary>Writes <paramref name="path"/> atomically with <paramref name="mode"/>; its folder must exist.</summary>
    public static void WriteAtomic(string path, Action<Stream> write, UnixFileMode mode)
    {
        RefuseLink(path);
        var temporary = TemporaryPath(path);
        var file = CreateNew(temporary, mode);
        try
        {
            using (file)
            {
                write(file);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <inheritdoc cref="WriteAtomic"/>
    public static async Task WriteAtomicAsync(string path, Func<Stream, CancellationToken, Task> write, UnixFileMode mode, CancellationToken cancellationToken)
    {
        RefuseLink(path);
        var temporary = TemporaryPath(path);
        var file = CreateNew(temporary, mode);
        try
        {
            await using (file)
            {
                await write(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>A hidden name beside <paramref name="path"/> that nobody can plant in advance.</summary>
    public static string TemporaryPath(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{RandomNumberGenerator.GetHexString(16, lowercase: true)}.tmp");
}
