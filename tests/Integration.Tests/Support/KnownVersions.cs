using System.Security.Cryptography;
using System.Text;

namespace OciCleanup.Integration.Tests.Support;

/// <summary>
/// The inventory cache's known-versions file (<c>stateDir/manifests/versions/REGISTRY.tsv</c>) as a buggy
/// build would have left it: one entry changed and the file sealed again, so the program believes it.
/// </summary>
internal static class KnownVersions
{
    public static string File(TempFolder folder, string registry = "main") => Path.Combine(folder.Path, "state", "manifests", "versions", registry + ".tsv");

    /// <summary>Rewrites the fields (id, check, digest, media type) of version <paramref name="id"/>'s entry and seals the file again.</summary>
    public static void Rewrite(string file, long id, Func<string[], string[]> entry)
    {
        // Every line but the seal; the seal counts the entries after the magic and owner lines.
        var lines = System.IO.File.ReadAllLines(file)[..^1].Select(l => l.StartsWith($"{id}\t", StringComparison.Ordinal) ? string.Join('\t', entry(l.Split('\t'))) : l).ToList();
        var content = string.Concat(lines.Select(l => l + "\n"));
        System.IO.File.WriteAllText(file, content + $"end\t{lines.Count - 2}\t{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))}\n");
    }
}
