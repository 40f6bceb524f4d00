using System.Runtime.CompilerServices;

namespace OciCleanup.Cleaner.Tests.Reporting;

/// <summary>
/// Golden files (Spectre.Console's snapshot tests): what a person reads is compared with a committed
/// file, so a change to it is a reviewed diff. <c>UPDATE_GOLDEN=1</c> rewrites them; a mismatch
/// leaves <c>NAME.actual</c> beside the golden file to diff.
/// </summary>
internal static class GoldenFile
{
    public static void Verify(string name, string actual, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(caller)!, "Golden", name);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1" || !File.Exists(path))
        {
            File.WriteAllText(path, actual);
            if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") != "1")
            {
                throw new InvalidOperationException($"{path} did not exist and was written: review and commit it");
            }
        }

        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            File.WriteAllText(path + ".actual", actual);
        }

        actual.ShouldBe(expected, $"differs from {path}; see {path}.actual (UPDATE_GOLDEN=1 to accept)");
    }
}
