namespace OciCleanup.Integration.Tests.Support;

/// <summary>
/// Headless Chromium (Debian <c>chromium</c>, installed by tests/run.sh): the DOM of a page after its
/// script ran, and screenshots of it. Each call has its own profile folder, so tests may run together.
/// </summary>
internal static class Chromium
{
    public static async Task<string> DumpDomAsync(string htmlFile, string hash = "")
    {
        var result = await RunAsync("--dump-dom", new Uri(htmlFile).AbsoluteUri + hash);
        result.Stdout.ShouldContain("</html>", customMessage: result.Stderr);
        return result.Stdout;
    }

    public static async Task<string> ScreenshotAsync(string htmlFile, string pngFile, int width = 1280, int height = 2000)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(pngFile)!);
        var result = await RunAsync($"--screenshot={pngFile}", $"--window-size={width},{height}", new Uri(htmlFile).AbsoluteUri);
        File.Exists(pngFile).ShouldBeTrue(result.Output);
        return pngFile;
    }

    /// <summary>Where the tests leave what a person should look at: bin/…/artifacts.</summary>
    public static string Artifact(string name) => Path.Combine(AppContext.BaseDirectory, "artifacts", name);

    private static async Task<Tool.Result> RunAsync(params string[] args)
    {
        using var profile = new TempFolder();
        return await Tool.RunAsync("chromium", null, ["--headless", "--no-sandbox", "--disable-gpu", $"--user-data-dir={profile.Path}", .. args]);
    }
}
