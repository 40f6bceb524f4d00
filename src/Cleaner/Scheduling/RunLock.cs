using OciCleanup.Cleaner.History;
using OciCleanup.Cleaner.Plans;
using OciCleanup.Cleaner.Reporting;

namespace OciCleanup.Cleaner.Scheduling;

/// <summary>
/// An exclusive lock file in <c>stateDir</c>, so a manual run never overlaps the timer's or the
/// daemon's. The lock is the open file (an OS lock), released when the process ends, however it ends.
/// Taking it is also where <c>stateDir</c> is made private (0700, or at most 0750 as systemd makes it)
/// and where a symbolic link among its entries fails the run before anything is contacted.
/// </summary>
internal sealed class RunLock : IDisposable
{
    public const string FileName = "run.lock";

    private static readonly string[] Entries = [FileName, BaselineStore.FileName, FirstSeenStore.FileName, Rollback.RollbackStore.FileName, LastReport.FileName, RunHistory.FolderName, PlanKey.FileName, Inventory.Store.ManifestBodyStore.FolderName];

    private readonly FileStream _file;

    private RunLock(FileStream file) => _file = file;

    /// <summary>The lock, or null when another run holds it; throws <see cref="IOException"/> (<see cref="LinkRefusedException"/>) when stateDir cannot be used.</summary>
    public static RunLock? TryAcquire(string stateDir)
    {
        SafeFiles.EnsureFolder(stateDir, SafeFiles.PrivateFolder, SafeFiles.FolderCeiling, linkAllowed: true);
        foreach (var entry in Entries)
        {
            SafeFiles.RefuseLink(Path.Combine(stateDir, entry));
        }

        FileStream file;
        try
        {
            file = SafeFiles.Open(Path.Combine(stateDir, FileName), FileMode.OpenOrCreate, SafeFiles.PrivateFile, FileAccess.ReadWrite);
        }
        catch (IOException e) when (e is not LinkRefusedException)
        {
            return null;
        }

        file.SetLength(0);
        var pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        file.Write(pid);
        file.Flush();
        return new RunLock(file);
    }

    public void Dispose() => _file.Dispose();
}
