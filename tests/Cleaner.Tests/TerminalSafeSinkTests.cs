using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;
using Serilog.Parsing;

namespace OciCleanup.Cleaner.Tests;

public sealed class TerminalSafeSinkTests
{
    private const string Hostile = "app\u001b[2J\u001b]52;c;ZXZpbA==\u0007\u202Egnp.exe\n<3>forged line";

    private sealed class TextSink(MessageTemplateTextFormatter formatter) : ILogEventSink
    {
        public StringWriter Output { get; } = new();

        public void Emit(LogEvent logEvent) => formatter.Format(logEvent, Output);
    }

    private static string Log(Exception? exception, params LogEventProperty[] properties)
    {
        var text = new TextSink(new MessageTemplateTextFormatter("{Level:u3} {Message:lj}{NewLine}{Exception}"));
        var logEvent = new LogEvent(DateTimeOffset.UnixEpoch, LogEventLevel.Warning, exception, new MessageTemplateParser().Parse("Sizes of {Version} unknown: {Error} {Tags}"), properties);

        new TerminalSafeSink(text).Emit(logEvent);

        return text.Output.ToString();
    }

    [Fact]
    public void Emit_HostilePropertyValues_ReachTheTextLogEscaped()
    {
        var line = Log(null,
            new LogEventProperty("Version", new ScalarValue(new Uri("http://h/" + Uri.EscapeDataString("x")))),
            new LogEventProperty("Error", new ScalarValue(Hostile)),
            new LogEventProperty("Tags", new SequenceValue([new ScalarValue("v1\u001b[31m")])));

        line.ShouldBe("WRN Sizes of http://h/x unknown: app\\x1b[2J\\x1b]52;c;ZXZpbA==\\x07\\u202egnp.exe\\x0a<3>forged line [\"v1\\\\x1b[31m\"]\n");
    }

    [Fact]
    public void Emit_HostileExceptionMessage_KeepsItsLinesAndEscapesTheRest()
    {
        var text = Log(new InvalidOperationException(Hostile), new LogEventProperty("Error", new ScalarValue("e")));

        text.ShouldNotContain('\u001b');
        text.ShouldNotContain('\u202E');
        text.ShouldContain("System.InvalidOperationException: app\\x1b[2J\\x1b]52;c;ZXZpbA==\\x07\\u202egnp.exe\n<3>forged line");
    }
}
