using System.Globalization;
using System.Text.RegularExpressions;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Pins.PinsFiles;

namespace OciCleanup.Integration.Tests.Deployment;

public sealed partial class SystemdUnitTests
{
    private const string Binary = "/usr/local/bin/oci-cleanup";
    private const string Credentials = "/run/credentials/oci-cleanup.service/";

    private static string Service => Repository.Read("systemd/oci-cleanup.service");

    private static IEnumerable<string> Values(string key) =>
        Service.Split('\n').Where(l => l.StartsWith(key + "=", StringComparison.Ordinal)).Select(l => l[(key.Length + 1)..]);

    /// <summary>The units in a scratch folder; verify checks that ExecStart's binary exists, which the install puts there, not this machine.</summary>
    private static TempFolder Units()
    {
        var folder = new TempFolder();
        folder.Write("oci-cleanup.service", Service.Replace(Binary, "/usr/bin/env", StringComparison.Ordinal));
        folder.Write("oci-cleanup.timer", Repository.Read("systemd/oci-cleanup.timer"));
        return folder;
    }

    [Fact]
    public async Task Units_SystemdAnalyzeVerify_PrintsNothing()
    {
        using var folder = Units();

        var result = await Tool.RunAsync("systemd-analyze", folder.Path, "verify", "oci-cleanup.service", "oci-cleanup.timer");

        result.ExitCode.ShouldBe(0);
        result.Output.ShouldBeEmpty("systemd-analyze prints bad values as warnings and still exits 0");
    }

    [Fact]
    public async Task Service_SystemdAnalyzeSecurity_ExposureAtMost1Point4()
    {
        using var folder = Units();

        var result = await Tool.RunAsync("systemd-analyze", folder.Path, "security", "--offline=yes", "--no-pager", "oci-cleanup.service");

        var exposure = Exposure().Match(result.Stdout);
        exposure.Success.ShouldBeTrue(result.Output);
        double.Parse(exposure.Groups[1].Value, CultureInfo.InvariantCulture).ShouldBeLessThanOrEqualTo(1.4, result.Stdout);
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
    [InlineData("ConfigurationDirectory=oci-cleanup")]
    [InlineData("LoadCredential=secret:/etc/oci-cleanup/credentials\n")]
    [InlineData("UMask=0077")]
    public void Service_IsHardened(string directive)
    {
        Service.ShouldContain(directive);
    }

    [Fact]
    public void ExampleConfig_EverySecretIsACredentialAndEveryWrittenPathIsWritable()
    {
        var config = ConfigLoader.Parse("/etc/oci-cleanup/config.yaml", Repository.Read("systemd/config.example.yaml"));
        // LoadCredential=secret:DIR names each file's credential secret_<file>.
        var prefix = Credentials + Values("LoadCredential").Single().Split(':')[0] + "_";

        config.Registries.ShouldNotBeEmpty();
        config.Registries.Select(r => r.Token?.File).ShouldAllBe(f => f != null && f.StartsWith(prefix));
        config.Clusters.Select(c => c.Kubeconfig).ShouldAllBe(f => f != null && f.StartsWith(prefix));
        config.Safety.StateDir.ShouldBe("/var/lib/" + Values("StateDirectory").Single());
        config.Report.AuditLog!.ShouldStartWith(config.Safety.StateDir + "/");
        var writable = Values("ReadWritePaths").Select(p => p.TrimStart('-')).ToList();
        writable.ShouldContain(Path.GetDirectoryName(config.Report.MetricsFile));
        config.PinsFiles.ShouldAllBe(p => p.StartsWith("/etc/" + Values("ConfigurationDirectory").Single() + "/"));
        PinsFileParser.Parse("registry-pins.txt", Repository.Read("systemd/registry-pins.example.txt")).Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Service_ExecStartArguments_AreAcceptedByTheProgram()
    {
        var args = Values("ExecStart").Single()[(Binary.Length + 1)..].Split(' ');
        var missingConfig = args.Select(a => a == "/etc/oci-cleanup/config.yaml" ? "/nonexistent/config.yaml" : a).ToArray();

        var result = await CleanerProcess.RunAsync(missingConfig);

        // A usage error would also exit 2; the message shows the arguments parsed and the config was looked for.
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("/nonexistent/config.yaml: configuration file not found");
    }

    [GeneratedRegex(@"Overall exposure level for oci-cleanup\.service: (\d+\.\d+)")]
    private static partial Regex Exposure();
}
