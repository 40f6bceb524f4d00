namespace OciCleanup.Cleaner.Tests.Configuration;

public class AuthRealmsConfigTests
{
    private static string Registry(string authRealms) => $"""
        registries:
          - name: hub
            kind: oci
            url: https://registry-1.docker.io
            authRealms: {authRealms}
        """;

    [Fact]
    public void Parse_NoAuthRealms_IsEmpty()
    {
        var config = ConfigLoader.Parse("/c.yaml", "registries:\n  - name: a\n    kind: oci\n    url: https://x\n");

        config.Registries[0].AuthRealms.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_HostsAndHostPorts_AreReadLowerCase()
    {
        var config = ConfigLoader.Parse("/c.yaml", Registry("[auth.docker.io, Auth.Example.org:8443, 10.0.0.1]"));

        config.Registries[0].AuthRealms.ShouldBe(["auth.docker.io", "auth.example.org:8443", "10.0.0.1"]);
    }

    [Theory]
    [InlineData("[https://auth.docker.io]")]
    [InlineData("[auth.docker.io/token]")]
    [InlineData("[user@auth.docker.io]")]
    [InlineData("['auth docker io']")]
    [InlineData("[auth.docker.io:99999]")]
    [InlineData("['']")]
    public void Parse_NotAHost_NamesTheKey(string authRealms)
    {
        var e = Should.Throw<ConfigException>(() => ConfigLoader.Parse("/c.yaml", Registry(authRealms)));

        e.Message.ShouldContain("registries[0].authRealms");
        e.Message.ShouldContain("not a host name or host:port");
    }
}
