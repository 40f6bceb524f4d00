using System.Net;

namespace OciCleanup.Cleaner.Tests.Commands;

/// <summary><c>pins check</c> through the command line, writing to a console the test reads.</summary>
public sealed class PinsCheckCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly TestConsole _console = new();

    public void Dispose() => _folder.Dispose();

    // pins check against the registry "lan", answering through network.
    private Task<int> CheckAsync(string pins, Func<HttpRequestMessage, HttpResponseMessage> network) =>
        _console.InvokeAsync(["pins", "check", pins, "--config", Some.ConfigFile(_folder), "--log-format", "json"], StubRegistries.Answering(network));

    [Fact]
    public async Task PinsCheck_BadLine_ErrorOnStandardErrorAndExitTwo()
    {
        var pins = _folder.Write("pins.txt", "container/app==1.0\nnot a pin\n");

        var exit = await _console.InvokeAsync(["pins", "check", pins]);

        exit.ShouldBe(ExitCodes.Usage);
        _console.Error.ShouldStartWith($"{pins}:2: ");
        _console.Out.ShouldBeEmpty();
    }

    [Fact]
    public async Task PinsCheck_RegistryThrowsUnexpectedException_SaysThePinsCannotBeMatchedAndExitsOne()
    {
        var pins = _folder.Write("pins.txt", "container/app==1.0\n");

        var exit = await CheckAsync(pins, _ => throw new InvalidOperationException("a bug in a handler"));

        exit.ShouldBe(ExitCodes.Failed);
        _console.Out.ShouldBe($"{pins}: 1 pin, ok\n");
        _console.Error.ShouldBe("registry:lan: FAILED registry lan: InvalidOperationException: a bug in a handler: the pins cannot be matched\n");
    }

    [Fact]
    public async Task PinsCheck_PinMatchingNothing_SaysSoOnStandardOutput()
    {
        var pins = _folder.Write("pins.txt", "container/app==1.0\n");

        var exit = await CheckAsync(pins, _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"repositories":[]}""") });

        exit.ShouldBe(ExitCodes.Success);
        _console.Out.ShouldBe($"{pins}: 1 pin, ok\n{pins}:1: 0 versions — matches nothing in the inventory (a typo?)\n");
    }
}
