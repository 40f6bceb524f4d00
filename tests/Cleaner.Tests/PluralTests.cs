namespace OciCleanup.Cleaner.Tests;

public class PluralTests
{
    [Theory]
    [InlineData(0, "pin", null, "0 pins")]
    [InlineData(1, "pin", null, "1 pin")]
    [InlineData(2, "pin", null, "2 pins")]
    [InlineData(1, "registry", "registries", "1 registry")]
    [InlineData(3, "registry", "registries", "3 registries")]
    [InlineData(1000, "version", null, "1000 versions")]
    public void Of_Count_OneIsSingularEveryOtherPlural(long count, string singular, string? plural, string expected)
    {
        Plural.Of(count, singular, plural).ShouldBe(expected);
    }
}
