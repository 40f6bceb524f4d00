using System.Net;
using System.Net.Http.Headers;

namespace OciCleanup.Cleaner.Tests.Inventory;

/// <summary>The redirect and auth handlers as the factory stacks them, over a stub network.</summary>
public class RegistryHandlersTests
{
    private static readonly AuthenticationHeaderValue Basic = new("Basic", "cm9ib3Q6czNjcmV0");

    private static HttpMessageInvoker Stack(string registry, StubHttpHandler network, params string[] authRealms) =>
        new(new RedirectHandler { InnerHandler = new RegistryAuthHandler(new CredentialScope("r", new Uri(registry), [.. authRealms]), Basic, answerChallenges: true) { InnerHandler = network } });

    [Fact]
    public async Task Send_HttpsRegistryNamesHttpRealm_RefusedAndRealmNeverAsked()
    {
        var network = new StubHttpHandler(r => r.RequestUri!.AbsolutePath == "/token" ? new HttpResponseMessage(HttpStatusCode.OK) : StubHttpHandler.Challenge("http://registry.example/token"));
        using var client = Stack("https://registry.example", network);

        var e = await Should.ThrowAsync<RegistryException>(() => client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://registry.example/v2/_catalog"), CancellationToken.None));

        e.Message.ShouldContain("http://registry.example/token is http under an https registry");
        network.Sent.ShouldHaveSingleItem().Uri.AbsolutePath.ShouldBe("/v2/_catalog");
    }

    [Fact]
    public async Task Send_ReadRedirectedToAnotherHostThatChallenges_FollowedBareAndNotAnswered()
    {
        var network = new StubHttpHandler(r => r.RequestUri!.Host == "registry.example"
            ? StubHttpHandler.Redirect("https://cdn.example/blob?sig=1")
            : StubHttpHandler.Challenge("https://registry.example/token"));
        using var client = Stack("https://registry.example", network);

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://registry.example/v2/app/blobs/sha256:1"), CancellationToken.None);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        network.Sent.Select(s => (s.Uri.Host, s.Authorization)).ShouldBe([("registry.example", Basic.ToString()), ("cdn.example", null)]);
    }

    [Theory]
    [InlineData("DELETE", "https://elsewhere.example/v2/app/manifests/sha256:1")]
    [InlineData("PUT", "https://elsewhere.example/v2/app/manifests/v1")]
    [InlineData("GET", "http://registry.example/v2/app/manifests/v1")]
    public async Task Send_WriteOrDowngradeRedirected_RedirectReturnedNotFollowed(string method, string location)
    {
        var network = new StubHttpHandler(_ => StubHttpHandler.Redirect(location));
        using var client = Stack("https://registry.example", network);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "https://registry.example/v2/app/manifests/v1"), CancellationToken.None);

        response.StatusCode.ShouldBe(HttpStatusCode.TemporaryRedirect);
        network.Sent.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Send_RedirectLoop_StopsAfterMaxRedirects()
    {
        var network = new StubHttpHandler(_ => StubHttpHandler.Redirect("https://cdn.example/again"));
        using var client = Stack("https://registry.example", network);

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "https://registry.example/v2/app/manifests/v1"), CancellationToken.None);

        response.StatusCode.ShouldBe(HttpStatusCode.TemporaryRedirect);
        network.Sent.Count.ShouldBe(RedirectHandler.MaxRedirects + 1);
    }

    [Theory]
    [InlineData("https://git.example/api/v1/packages/oleks/generic/tools/1.0", true)]
    [InlineData("https://git.example/api/v1/packages/oleks/container/team%2Fapp/sha256:1", true)]
    [InlineData("https://git.example/api/v1/packages/oleks/generic/tools", false)]
    [InlineData("https://git.example/api/v1/packages/oleks/generic/tools/", false)]
    [InlineData("https://git.example/api/v1/packages/oleks/generic/tools/..", false)]
    [InlineData("https://git.example/api/v1/packages/oleks/generic/tools/%2e%2e", false)]
    [InlineData("https://git.example/api/v1/packages/oleks/generic/tools/1.0/files", false)]
    [InlineData("https://git.example/api/v1/packages/oleks/generic/tools/1.0?x=1", false)]
    public async Task Send_GiteaDelete_OnlyExactlyOneVersionLeaves(string uri, bool sent)
    {
        var network = new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var client = new HttpMessageInvoker(new VersionDeleteGuard("main", new Uri("https://git.example/")) { InnerHandler = network });

        var send = client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, uri), CancellationToken.None);

        if (sent)
        {
            (await send).Dispose();
        }
        else
        {
            (await Should.ThrowAsync<RegistryException>(send)).Message.ShouldContain("does not name exactly one package version");
        }

        network.Sent.Count.ShouldBe(sent ? 1 : 0);
    }
}
