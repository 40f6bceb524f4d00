using System.Text.Json;

namespace OciCleanup.Pins.Tests;

public class RedactionTests
{
    [Theory]
    [InlineData("'tBearer eyJhbGciOi.SECRET_1}}]}' is an invalid JSON literal", "'tBearer ***}}]}' is an invalid JSON literal")]
    [InlineData("Unable to parse Basic b2NpOlNFQ1JFVA== as RFC3339", "Unable to parse Basic *** as RFC3339")]
    [InlineData("echo: Authorization: token 0123456789abcdef0123456789abcdef01234567", "echo: Authorization: ***")]
    [InlineData("got token 0123456789abcdef0123456789abcdef01234567 back", "got token *** back")]
    [InlineData("401: Bearer realm=\"https://git.example.org/v2/token\",service=\"container_registry\"", "401: Bearer realm=\"https://git.example.org/v2/token\",service=\"container_registry\"")]
    [InlineData("the continue token expired", "the continue token expired")]
    public void Apply_TextWithEchoedCredential_MasksOnlyTheValue(string text, string expected) =>
        Redaction.Apply(text).ShouldBe(expected);

    [Fact]
    public void ErrorTextOf_JsonExceptionQuotingABearerValue_MasksIt()
    {
        var thrown = Should.Throw<JsonException>(() => JsonSerializer.Deserialize<JsonElement>("{\"items\": tBearer SECRET-TOKEN-42}"));

        thrown.Message.ShouldContain("SECRET-TOKEN-42");
        ErrorText.Of(thrown).ShouldNotContain("SECRET-TOKEN-42");
        FailureCause.Describe(thrown).ShouldNotContain("SECRET-TOKEN-42");
    }
}
