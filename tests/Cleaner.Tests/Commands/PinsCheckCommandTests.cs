using System.Net;

namespace OciCleanup.Cleaner.Tests.Commands;

/// <summary><c>pins check</c> through the command line, writing to a console the test reads.</summary>
public sealed class PinsCheckCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly TestConsole _console = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task PinsCheck_BadLine_ErrorOnStandardErrorAndExitTwo()
    {
        var pins = _folder.Write("pins.txt", "container/app==1.0\nnot a pin\n");

        var exit = await Cli.InvokeAsync(["pins", "check", pins], new CompositionRoot(TimeProvider.System, _console.Console));

        exit.ShouldBe(ExitCodes.Usage);
        _console.Error.ShouldStartWith($"{pins}:2: ");
        _console.Out.ShouldBeEmpty();
    }

    [Fact]
    public async Task PinsCheck_RegistryThrowsUnexpectedException_SaysThePinsCannotBeMatchedAndExitsOne()
    {
        var pins = _folder.Write("pins.txt", "container/app==1.0\n");
        var config = Some.ConfigFile(_folder);
        var root = new CompositionRoot(TimeProvider.System, _console.Console) { RegistryMaker = StubRegistries.Answering(_ => throw new InvalidOperationException("a bug in a handler")) };

        var exit = await Cli.InvokeAsync(["pins", "check", pins, "--config", config, "--log-format", "json"], root);

        exit.ShouldBe(ExitCodes.Failed);
        _console.Out.ShouldBe($"{pins}: 1 pin, ok\n");
        _console.Error.ShouldBe("registry:lan: FAILED registry lan: InvalidOperationException: a bug in a handler: the pins cannot be matched\n");
    }

    [Fact]
    public async Task PinsCheck_PinMatchingNothing_SaysSoOnStandardOutput()
    {
        var pins = _folder.Write("pins.txt", "container/app==1.0\n");
        var config = Some.ConfigFile(_folder);
        var root = new CompositionRoot(TimeProvider.System, _console.Console) { RegistryMaker = StubRegistries.Answering(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"repositories":[]}""") }) };

        var exit = await Cli.InvokeAsync(["pins", "check", pins, "--config", config, "--log-format", "json"], root);

        exit.ShouldBe(ExitCodes.Success);
        _console.Out.ShouldBe($"{pins}: 1 pin, ok\n{pins}:1: 0 versions — matches nothing in the inventory (a typo?)\n");
    }
}
