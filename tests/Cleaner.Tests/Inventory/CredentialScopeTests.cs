namespace OciCleanup.Cleaner.Tests.Inventory;

public class CredentialScopeTests
{
    [Theory]
    [InlineData("https://git.example.org", "", "https://git.example.org/v2/token", null)]
    [InlineData("https://git.example.org", "", "https://GIT.example.org:443/v2/token", null)]
    [InlineData("http://127.0.0.1:5000", "", "http://127.0.0.1:5000/token", null)]
    [InlineData("http://127.0.0.1:5000", "", "http://127.0.0.1:5001/token", "add '127.0.0.1:5001' to authRealms of registry r")]
    [InlineData("http://127.0.0.1:5000", "127.0.0.1:5001", "http://127.0.0.1:5001/token", null)]
    [InlineData("http://127.0.0.1:5000", "127.0.0.1", "http://127.0.0.1:5001/token", "add '127.0.0.1:5001' to authRealms")]
    [InlineData("https://registry-1.docker.io", "auth.docker.io", "https://auth.docker.io/token", null)]
    [InlineData("https://registry-1.docker.io", "auth.docker.io:443", "https://auth.docker.io/token", null)]
    [InlineData("https://registry-1.docker.io", "", "https://auth.docker.io/token", "add 'auth.docker.io' to authRealms of registry r")]
    [InlineData("https://registry-1.docker.io", "auth.docker.io", "https://evil.example/token", "the token service https://evil.example/token is not on the registry's own host")]
    [InlineData("https://git.example.org", "", "http://git.example.org/v2/token", "is http under an https registry")]
    [InlineData("https://registry-1.docker.io", "auth.docker.io", "http://auth.docker.io/token", "is http under an https registry")]
    [InlineData("http://registry.lan:5000", "auth.lan", "https://auth.lan/token", null)]
    [InlineData("https://git.example.org", "", "ftp://git.example.org/token", "not an http(s) URL")]
    public void RealmRefusal_Realm_AllowedOnlyOnOwnAuthorityOrListedHostNeverDowngraded(string registry, string authRealms, string realm, string? refusal)
    {
        var scope = new CredentialScope("r", new Uri(registry), [.. authRealms.Split(',', StringSplitOptions.RemoveEmptyEntries)]);

        var why = scope.RealmRefusal(new Uri(realm));

        if (refusal is null)
        {
            why.ShouldBeNull();
        }
        else
        {
            why.ShouldNotBeNull().ShouldContain(refusal);
        }
    }

    [Theory]
    [InlineData("https://git.example.org/v2/_catalog", true)]
    [InlineData("https://git.example.org:443/api/v1/packages/o", true)]
    [InlineData("http://git.example.org/v2/_catalog", false)]
    [InlineData("https://git.example.org:8443/v2/_catalog", false)]
    [InlineData("https://s3.example.org/blob", false)]
    [InlineData("https://git.example.org.evil/v2/", false)]
    public void IsRegistry_Uri_OnlyTheRegistrySchemeHostAndPort(string uri, bool expected) =>
        new CredentialScope("r", new Uri("https://git.example.org/"), []).IsRegistry(new Uri(uri)).ShouldBe(expected);
}
