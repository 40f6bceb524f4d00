namespace OciCleanup.Cleaner.Reporting;

/// <summary>The HTML report's stylesheet and script, embedded in the program (Reporting/Html/*) so the page needs nothing else.</summary>
internal static class HtmlAssets
{
    public static string Read(string name)
    {
        using var stream = typeof(HtmlAssets).Assembly.GetManifestResourceStream($"OciCleanup.Cleaner.Reporting.Html.{name}")
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
