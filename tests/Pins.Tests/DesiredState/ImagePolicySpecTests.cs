namespace OciCleanup.Pins.Tests.DesiredState;

public class ImagePolicySpecTests
{
    [Theory]
    [InlineData("""{"semver":{"range":">=1.0.0 <2.0.0"}}""", "semver '>=1.0.0 <2.0.0'")]
    [InlineData("""{"numerical":{"order":"asc"}}""", "numerical asc")]
    [InlineData("""{"numerical":{"order":"DESC"}}""", "numerical desc")]
    [InlineData("""{"numerical":{}}""", "numerical asc")]
    [InlineData("""{"alphabetical":{"order":"desc"}}""", "alphabetical desc")]
    [InlineData("""{"alphabetical":{}}""", "alphabetical asc")]
    // Flux looks at semver first, then alphabetical, then numerical
    [InlineData("""{"numerical":{"order":"asc"},"alphabetical":{"order":"desc"}}""", "alphabetical desc")]
    public void TryRead_Policy_TheOrderFluxUses(string policy, string expected)
    {
        ImagePolicySpec.TryRead(Object(policy, null), out var tags, out var error).ShouldBeTrue(error);

        tags.Order.Describe().ShouldBe(expected);
        tags.Pattern.ShouldBeNull();
    }

    [Fact]
    public void TryRead_FilterTags_PatternAndExtract()
    {
        ImagePolicySpec.TryRead(Object("""{"numerical":{"order":"asc"}}""", """{"pattern":"^main-[a-f0-9]+-(?P<ts>[0-9]+)$","extract":"$ts"}"""), out var tags, out _).ShouldBeTrue();

        tags.Pattern!.Pattern.ShouldBe("^main-[a-f0-9]+-(?P<ts>[0-9]+)$");
        tags.Extract.ShouldBe("$ts");
        tags.Pick(["main-ab-1", "main-cd-2"]).Tags.ShouldBe(["main-cd-2"]);
    }

    [Theory]
    [InlineData("""{"semver":{"range":">= bar"}}""", null, ">= bar")]
    [InlineData("""{"numerical":{"order":"up"}}""", null, "up")]
    [InlineData("""{}""", null, "names no")]
    [InlineData("""{"alphabetical":{}}""", """{"pattern":"^main-("}""", "^main-(")]
    public void TryRead_SpecFluxRefuses_FailsSayingWhy(string policy, string? filterTags, string inError)
    {
        ImagePolicySpec.TryRead(Object(policy, filterTags), out var tags, out var error).ShouldBeFalse();

        tags.ShouldBeNull();
        error.ShouldContain(inError);
    }

    private static JsonNode Object(string policy, string? filterTags) =>
        JsonNode.Parse($$$"""{"metadata":{"name":"app","namespace":"apps"},"spec":{"imageRepositoryRef":{"name":"app"},"policy":{{{policy}}}{{{(filterTags is null ? "" : ",\"filterTags\":" + filterTags)}}}}}""")!;
}
