using OciCleanup.Integration.Tests.Support;

namespace OciCleanup.Integration.Tests.Deployment;

public sealed class SystemdUnitTests
{
    [Fact]
    public async Task Units_SystemdAnalyzeVerify_PrintsNothing()
    {
        using var folder = new TempFolder();
        // verify checks that ExecStart's binary exists; the package installs it, this machine does not.
        folder.Write("oci-cleanup.service", Repository.Read("systemd/oci-cleanup.service").Replace("/usr/bin/oci-cleanup", "/usr/bin/env", StringComparison.Ordinal));
        folder.Write("oci-cleanup.timer", Repository.Read("systemd/oci-cleanup.timer"));

        var result = await Tool.RunAsync("systemd-analyze", folder.Path, "verify", "oci-cleanup.service", "oci-cleanup.timer");

        result.ExitCode.ShouldBe(0);
        result.Output.ShouldBeEmpty("systemd-analyze prints bad values as warnings and still exits 0");
    }

    [Theory]
    [InlineData("Type=oneshot")]
    [InlineData("DynamicUser=yes")]
    [InlineData("ProtectSystem=strict")]
    [InlineData("PrivateTmp=yes")]
    [InlineData("NoNewPrivileges=yes")]
    [InlineData("CapabilityBoundingSet=\n")]
    [InlineData("RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX")]
    [InlineData("StateDirectory=oci-cleanup")]
    [InlineData("LoadCredential=gitea-token:")]
    public void Service_IsHardened(string directive)
    {
        Repository.Read("systemd/oci-cleanup.service").ShouldContain(directive);
    }

    [Fact]
    public async Task Service_ExecStartArguments_AreAcceptedByTheProgram()
    {
        var line = Repository.Read("systemd/oci-cleanup.service").Split('\n').Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal));
        var args = line["ExecStart=/usr/bin/oci-cleanup ".Length..].Split(' ');
        var missingConfig = args.Select(a => a == "/etc/oci-cleanup/config.yaml" ? "/nonexistent/config.yaml" : a).ToArray();

        var result = await CleanerProcess.RunAsync(missingConfig);

        // A usage error would also exit 2; the message shows the arguments parsed and the config was looked for.
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("/nonexistent/config.yaml:0: (file): configuration file not found");
    }
}
