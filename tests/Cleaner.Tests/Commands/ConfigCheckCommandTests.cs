using System.Net;

namespace OciCleanup.Cleaner.Tests.Commands;

/// <summary><c>config check</c> through the command line, writing to a console the test reads.</summary>
public sealed class ConfigCheckCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly TestConsole _console = new();

    public void Dispose() => _folder.Dispose();

    private Task<int> CheckAsync(Func<HttpRequestMessage, HttpResponseMessage> network) =>
        _console.InvokeAsync(["config", "check", "--config", Some.ConfigFile(_folder), "--log-format", "json"], StubRegistries.Answering(network));

    [Fact]
    public async Task ConfigCheck_RegistryThrowsUnexpectedException_SaysFailedAndExitsOne()
    {
        var exit = await CheckAsync(_ => throw new InvalidOperationException("a bug in a handler"));

        exit.ShouldBe(ExitCodes.Failed);
        _console.Out.ShouldContain("registry:lan: FAILED registry lan: InvalidOperationException: a bug in a handler\n");
        _console.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task ConfigCheck_RegistryAnswers_WritesOkLinesToStandardOutput()
    {
        var exit = await CheckAsync(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"repositories":[]}""") });

        exit.ShouldBe(ExitCodes.Success);
        _console.Out.ShouldBe($"{_folder.Path}/config.yaml: configuration ok (1 registry, 0 pins files, 0 clusters)\nregistry:lan: ok, 0 versions\n");
        _console.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invoke_MistypedCommand_UsageErrorGoesToTheInjectedStandardError()
    {
        var exit = await _console.InvokeAsync(["config", "chek"]);

        exit.ShouldBe(ExitCodes.Usage);
        _console.Error.ShouldContain("did you mean 'check'?");
        _console.Out.ShouldBeEmpty();
    }
}
