using System.Diagnostics;
using OciCleanup.Pins.Git;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Integration.Tests.Git;

/// <summary>
/// SPEC §5c: a Git source's token reaches git only through the askpass program it runs, never a process
/// argument (readable by any user in /proc), the mirror's config, or the result. git is wrapped by a
/// script that records the arguments and environment of every git process the source starts.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class GitCredentialTests : IDisposable
{
    private const string Token = "gts-7f3c9a0b1d2e4f5a6b7c8d9e0f1a2b3c";
    private readonly GitSourceFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private (GitSourceOptions Options, string Arguments, string Environment) Wrapped()
    {
        var tokenFile = Path.Combine(_fixture.Folder, "git-token");
        File.WriteAllText(tokenFile, Token + "\n");
        var arguments = Path.Combine(_fixture.Folder, "arguments.log");
        var environment = Path.Combine(_fixture.Folder, "environment.log");
        var wrapper = _fixture.GitWrapper("git-wrapper.sh", $"printf '%s\\n' \"$*\" >> '{arguments}'\nenv >> '{environment}'\nexec git \"$@\"\n");
        return (_fixture.Options() with { TokenFile = tokenFile, Git = wrapper }, arguments, environment);
    }

    [Fact]
    public async Task Collect_WithATokenFile_TokenInNoArgumentEnvironmentConfigOrResult()
    {
        _fixture.CommitApi("1.0.0");
        var (options, arguments, environment) = Wrapped();

        var result = await GitSourceFixture.CollectAsync(options);

        result.Status.ShouldBe(SourceStatus.Ok, result.Error);
        var logged = File.ReadAllText(arguments);
        logged.ShouldContain("fetch");
        logged.ShouldNotContain(Token);
        File.ReadAllText(environment).ShouldNotContain(Token);
        File.ReadAllText(environment).ShouldContain($"{GitEnvironment.TokenFileVariable}={options.TokenFile}");
        foreach (var config in Directory.GetFiles(Path.Combine(_fixture.Folder, "state", "git"), "config", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(config);
            text.ShouldNotContain(Token);
            text.ShouldNotContain(_fixture.Repo.Path, customMessage: "no remote is configured: the URL is given on each fetch");
        }

        result.Notes.ShouldAllBe(n => !n.Contains(Token));
    }

    [Fact]
    public async Task Collect_RepositoryGoneWithATokenFile_ErrorHoldsNoToken()
    {
        var (options, _, _) = Wrapped();

        var result = await GitSourceFixture.CollectAsync(options with { Url = "https://127.0.0.1:1/ops/infra.git" });

        result.Status.ShouldBe(SourceStatus.Failed);
        result.Error!.ShouldNotContain(Token);
    }

    [Theory]
    [InlineData("Password for 'https://oci-cleanup@git.example.org': ", Token)]
    [InlineData("Username for 'https://git.example.org': ", AskPassScript.UserName)]
    public async Task AskPass_Prompt_AnswersFromTheTokenFile(string prompt, string expected)
    {
        var (options, _, _) = Wrapped();
        var script = AskPassScript.Ensure(Path.Combine(_fixture.Folder, "state", "git"));
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(prompt);
        start.Environment[GitEnvironment.TokenFileVariable] = options.TokenFile!;

        using var process = Process.Start(start)!;
        var answer = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        answer.TrimEnd('\n').ShouldBe(expected);
        (File.GetUnixFileMode(script) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)).ShouldBe(UnixFileMode.None);
    }
}
