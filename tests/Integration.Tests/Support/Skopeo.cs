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

    /// <summary>The digest a tag resolves to, as `skopeo inspect` reads it; null (with the error) when it does not resolve.</summary>
    public static async Task<(string? Digest, string Error)> InspectDigestAsync(string hostPort, string repositoryAndTag)
    {
        var start = new ProcessStartInfo("skopeo") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "inspect", "--tls-verify=false", "--format", "{{.Digest}}", $"docker://{hostPort}/{repositoryAndTag}" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode == 0 ? output.Trim() : null, await error);
    }
}
