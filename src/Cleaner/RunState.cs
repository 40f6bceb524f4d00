using System.Globalization;

namespace OciCleanup.Cleaner;

/// <summary>The last complete run's protected-version count, kept in <c>stateDir</c> for <c>maxProtectedShrink</c>.</summary>
internal sealed class RunState(string stateDir)
{
    private string FilePath => Path.Combine(stateDir, "last-protected-count");

    public int? LastProtectedVersions() =>
        File.Exists(FilePath) && int.TryParse(File.ReadAllText(FilePath).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public void Save(int protectedVersions)
    {
        try
        {
            Directory.CreateDirectory(stateDir);
            File.WriteAllText(FilePath, protectedVersions.ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only state dir must not fail a dry-run; the next run simply has no baseline.
        }
    }
}
