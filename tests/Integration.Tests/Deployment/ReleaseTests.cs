namespace OciCleanup.Integration.Tests.Deployment;

[CollectionDefinition(nameof(ReleaseTests), DisableParallelization = true)]
public sealed class ReleaseTestsDefinition;

/// <summary>
/// scripts/release.sh for linux-x64 (11 s with the runtime packs in the NuGet folder, about 80 s
/// on a fresh one), then the tarball as an operator uses it: the binary runs without .NET, install.sh
/// lays out a systemd host below ROOT. Alone in its collection: a publish takes both cores.
/// </summary>
[Collection(nameof(ReleaseTests))]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ReleaseTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void License_IsApache2()
    {
        Repository.Read("LICENSE").ShouldContain("Apache License\n                           Version 2.0, January 2004");
    }

    [Fact]
    public async Task ReleaseScript_LinuxX64_TarballRunsAndInstallsOnASystemdHost()
    {
        var version = Versions.Props();
        var release = await Tool.RunAsync("bash", Repository.Root, "scripts/release.sh", "linux-x64");
        release.ExitCode.ShouldBe(0, release.Output);
        var tarball = Repository.PathOf($"artifacts/oci-cleanup-{version}-linux-x64.tar.gz");
        var name = $"oci-cleanup-{version}-linux-x64";

        var list = await Tool.RunAsync("tar", null, "tzf", tarball);
        list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(
            [$"{name}/", $"{name}/LICENSE", $"{name}/config.example.yaml", $"{name}/install.sh", $"{name}/oci-cleanup", $"{name}/oci-cleanup.service", $"{name}/oci-cleanup.timer", $"{name}/registry-pins.example.txt"],
            ignoreOrder: true);
        (await Tool.RunAsync("tar", _folder.Path, "xzf", tarball)).ExitCode.ShouldBe(0);
        var unpacked = Path.Combine(_folder.Path, name);

        // Self-contained: no dotnet on PATH, no DOTNET_ROOT.
        var versionOutput = await Tool.RunAsync("env", unpacked, "-i", "PATH=/usr/bin:/bin", "./oci-cleanup", "--version");
        versionOutput.ExitCode.ShouldBe(0, versionOutput.Output);
        versionOutput.Stdout.Trim().Split('+')[0].ShouldBe(version);
        var pins = await Tool.RunAsync("env", unpacked, "-i", "PATH=/usr/bin:/bin", "./oci-cleanup", "pins", "check", "registry-pins.example.txt");
        pins.ExitCode.ShouldBe(0, pins.Output);

        var root = Path.Combine(_folder.Path, "root");
        var install = await Tool.RunAsync("env", unpacked, $"ROOT={root}", "./install.sh");
        install.ExitCode.ShouldBe(0, install.Output);
        install.Stdout.ShouldContain($"oci-cleanup {version}");
        File.GetUnixFileMode(Path.Combine(root, "usr/local/bin/oci-cleanup")).HasFlag(UnixFileMode.OtherExecute).ShouldBeTrue();
        File.GetUnixFileMode(Path.Combine(root, "etc/oci-cleanup/config.yaml")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.ReadAllText(Path.Combine(root, "etc/systemd/system/oci-cleanup.service")).ShouldBe(Repository.Read("systemd/oci-cleanup.service"));
        File.Exists(Path.Combine(root, "etc/systemd/system/oci-cleanup.timer")).ShouldBeTrue();
        var credentials = Path.Combine(root, "etc/oci-cleanup/credentials");
        File.GetUnixFileMode(credentials).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.EnumerateFileSystemEntries(credentials).ShouldBeEmpty("the install creates nothing secret");

        // Upgrading never overwrites the operator's configuration.
        File.WriteAllText(Path.Combine(root, "etc/oci-cleanup/config.yaml"), "# edited\n");
        (await Tool.RunAsync("env", unpacked, $"ROOT={root}", "./install.sh")).ExitCode.ShouldBe(0);
        File.ReadAllText(Path.Combine(root, "etc/oci-cleanup/config.yaml")).ShouldBe("# edited\n");
    }
}
