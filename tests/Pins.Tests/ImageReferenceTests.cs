namespace OciCleanup.Pins.Tests;

public class ImageReferenceTests
{
    private const string Hex = "4f5a0e1b2c3d4e5f60718293a4b5c6d7e8f901122334455667788990aabbccdd";

    [Theory]
    [InlineData("nginx", "docker.io", "library/nginx", "latest", null)]
    [InlineData("nginx:1.27", "docker.io", "library/nginx", "1.27", null)]
    [InlineData("bitnami/redis:7", "docker.io", "bitnami/redis", "7", null)]
    [InlineData("docker.io/nginx", "docker.io", "library/nginx", "latest", null)]
    [InlineData("index.docker.io/library/nginx:1", "docker.io", "library/nginx", "1", null)]
    [InlineData("git.oleks.space/oleks/cms-plugins:staging", "git.oleks.space", "oleks/cms-plugins", "staging", null)]
    [InlineData("registry.lan:5000/team/app", "registry.lan:5000", "team/app", "latest", null)]
    [InlineData("localhost/app:dev", "localhost", "app", "dev", null)]
    [InlineData("localhost:5000/a/b/c:v1", "localhost:5000", "a/b/c", "v1", null)]
    [InlineData("Git.Example.ORG/owner/img:v1", "git.example.org", "owner/img", "v1", null)]
    [InlineData("git.example.org/owner/img@sha256:" + Hex, "git.example.org", "owner/img", null, "sha256:" + Hex)]
    [InlineData("git.example.org/owner/img:v2@sha256:" + Hex, "git.example.org", "owner/img", "v2", "sha256:" + Hex)]
    [InlineData("ghcr.io/fluxcd/helm-controller:v1.4.0", "ghcr.io", "fluxcd/helm-controller", "v1.4.0", null)]
    public void Parse_ValidReference_SplitsIntoParts(string text, string registry, string repository, string? tag, string? digest)
    {
        var reference = ImageReference.Parse(text);

        reference.Registry.ShouldBe(registry);
        reference.Repository.ShouldBe(repository);
        reference.Tag.ShouldBe(tag);
        reference.Digest?.ToString().ShouldBe(digest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("team/App")]
    [InlineData("host.io/app:bad tag")]
    [InlineData("host.io/app@sha256:abc")]
    [InlineData("host.io/app@md5:" + Hex)]
    [InlineData("host.io//app")]
    [InlineData("host.io/app:")]
    public void TryParse_InvalidReference_FailsWithMessage(string text)
    {
        ImageReference.TryParse(text, out var reference, out var error).ShouldBeFalse();
        reference.ShouldBeNull();
        error.ShouldNotBeEmpty();
    }

    [Fact]
    public void ToString_RoundTripsCanonicalForm()
    {
        var text = "registry.lan:5000/team/app:v1@sha256:" + Hex;

        ImageReference.Parse(text).ToString().ShouldBe(text);
        ImageReference.Parse("nginx").ToString().ShouldBe("docker.io/library/nginx:latest");
    }
}
