using System.Text.Json;

namespace OciCleanup.Cleaner.Tests.Reporting;

/// <summary>Warning kinds are SPEC §8's closed list: written by name, and reports stored by earlier builds still read.</summary>
public class WarningKindTests
{
    [Fact]
    public void All_IsSpecsClosedList()
    {
        WarningKind.All.Select(k => k.Name).ShouldBe([
            "pin-unmatched", "unknown-host", "tag-only-values", "digest-only-values", "desired-state",
            "dangling-reference", "broken-index", "image-repository-missing", "deferred", "inventory-cache",
            "rollback-window-starts",
            "unreadable-yaml", "short-history",
        ]);
    }

    [Fact]
    public void Write_Warning_KindIsItsKebabCaseName()
    {
        var json = JsonSerializer.Serialize(new ReportWarning(WarningKind.BrokenIndex, "x"), JsonReportWriter.Options);

        json.ShouldContain("\"kind\": \"broken-index\"");
    }

    [Theory]
    [InlineData("dangling-reference", "dangling-reference")]
    [InlineData("helmrelease", "tag-only-values")]
    [InlineData("kustomization", "desired-state")]
    [InlineData("pin-matches-nothing", "pin-unmatched")]
    public void Read_KindOfAStoredReport_ReadsAsAKindOfTheList(string stored, string read)
    {
        var warning = JsonSerializer.Deserialize<ReportWarning>($$"""{"kind":"{{stored}}","detail":"d"}""", JsonReportWriter.Options)!;

        warning.Kind.Name.ShouldBe(read);
    }

    [Fact]
    public void Read_KindNotInTheList_IsNotAReport()
    {
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<ReportWarning>("""{"kind":"whatever","detail":"d"}""", JsonReportWriter.Options));
    }
}
