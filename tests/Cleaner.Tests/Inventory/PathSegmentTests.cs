namespace OciCleanup.Cleaner.Tests.Inventory;

public class PathSegmentTests
{
    [Theory]
    [InlineData("v1.2.3", "v1.2.3")]
    [InlineData("sha256:abc", "sha256%3Aabc")]
    [InlineData("1.0+build", "1.0%2Bbuild")]
    [InlineData("with space", "with%20space")]
    [InlineData(".hidden", ".hidden")]
    [InlineData("a..b", "a..b")]
    public void Escape_OneSegment_IsEscapedData(string value, string expected) =>
        PathSegment.Escape(value).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("...")]
    [InlineData("a/b")]
    [InlineData("../x")]
    [InlineData("a\\b")]
    [InlineData("..\\")]
    [InlineData("%2e%2e")]
    [InlineData("%2E")]
    [InlineData("a%2Fb")]
    [InlineData("a%5cb")]
    [InlineData("tab\there")]
    public void Escape_NotOneSegment_IsNull(string value) =>
        PathSegment.Escape(value).ShouldBeNull();

    [Theory]
    [InlineData("team/app", "team%2Fapp")]
    [InlineData("a/../b", "a%2F..%2Fb")]
    public void Escape_SlashAllowed_TravelsEscaped(string value, string expected) =>
        PathSegment.Escape(value, slashAllowed: true).ShouldBe(expected);

    [Fact]
    public void Require_DotDot_ThrowsNamingRegistryAndVersion()
    {
        var e = Should.Throw<RegistryException>(() => PathSegment.Require("main", "version of generic/tools", ".."));

        e.Message.ShouldBe("registry main: version of generic/tools '..' is not a single URL path segment ('.', '..', '/', '\\', %-escapes); it is never requested, so never deleted");
    }
}
