using System.Security.Cryptography;
using System.Text;

namespace OciCleanup.Cleaner.Plans;

/// <summary>
/// The secret that signs plans (<c>stateDir/plan.key</c>, 32 random bytes, 0600, never printed): a plain
/// checksum can be recomputed by whoever edits a plan, an HMAC only by whoever can read this file. So a
/// plan is valid only on the host (and state folder) whose oci-cleanup made it.
/// </summary>
internal sealed class PlanKey
{
    public const string FileName = "plan.key";
    private const int Length = 32;
    private readonly byte[] _key;

    private PlanKey(byte[] key) => _key = key;

    /// <summary>The key, made on first use; throws <see cref="IOException"/> when it cannot be read or made.</summary>
    public static PlanKey LoadOrCreate(string stateDir)
    {
        SafeFiles.EnsureFolder(stateDir, SafeFiles.PrivateFolder, SafeFiles.FolderCeiling, linkAllowed: true);
        var path = Path.Combine(stateDir, FileName);
        SafeFiles.RefuseLink(path);
        if (!File.Exists(path))
        {
            // Written whole under a temp name, then linked in without overwrite: a second `plan` at the same
            // moment either finds the first's key or makes its own and keeps the first's.
            var temporary = SafeFiles.TemporaryPath(path);
            using (var file = SafeFiles.CreateNew(temporary, SafeFiles.PrivateFile))
            {
                file.Write(RandomNumberGenerator.GetBytes(Length));
                file.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }

        return Read(path);
    }

    /// <summary>The key, or why there is none (apply never makes one: a plan from elsewhere would not match it anyway).</summary>
    public static (PlanKey? Key, string? Error) Load(string stateDir)
    {
        var path = Path.Combine(stateDir, FileName);
        try
        {
            SafeFiles.RefuseLink(path);
            return File.Exists(path)
                ? (Read(path), null)
                : (null, $"there is no plan key {path}: a plan is valid only on the host whose oci-cleanup made it, with the same safety.stateDir");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"the plan key cannot be read ({e.Message})");
        }
    }

    /// <summary>HMAC-SHA256 of <paramref name="text"/>, as <c>hmac-sha256:HEX</c>.</summary>
    public string Mac(string text) => "hmac-sha256:" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    private static PlanKey Read(string path)
    {
        using var file = SafeFiles.OpenRead(path);
        var key = new byte[Length + 1];
        var read = file.ReadAtLeast(key, key.Length, throwOnEndOfStream: false);
        return read == Length ? new PlanKey(key[..Length]) : throw new IOException($"{path} is not a plan key ({read} bytes, not {Length}): delete it; plans made so far become invalid");
    }
}
