using System.Diagnostics;

namespace OciCleanup.Integration.Tests.Support;

/// <summary>A real client pulling from the registry: `skopeo copy --all` fetches every manifest, child and blob.</summary>
internal static class Skopeo
{
    public static async Task<(int ExitCode, string Error)> PullAllAsync(string hostPort, string repositoryAndTag)
    {
        var target = Directory.CreateTempSubdirectory("oci-cleanup-pull-").FullName;
        try
        {
            var start = new ProcessStartInfo("skopeo") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { "--insecure-policy", "copy", "--all", "--src-tls-verify=false", $"docker://{hostPort}/{repositoryAndTag}", $"oci:{target}:pulled" })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            _ = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await error);
        }
        finally
        {
            Directory.Delete(target, recursive: true);
        }
    }
}
