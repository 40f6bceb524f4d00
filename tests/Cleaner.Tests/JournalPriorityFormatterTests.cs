using Serilog.Events;
using Serilog.Formatting.Display;
using Serilog.Parsing;

namespace OciCleanup.Cleaner.Tests;

public sealed class JournalPriorityFormatterTests
{
    private static LogEvent Event(LogEventLevel level, Exception? exception = null) =>
        new(DateTimeOffset.UnixEpoch, level, exception, new MessageTemplateParser().Parse("Run blocked"), []);

    [Theory]
    [InlineData(LogEventLevel.Fatal, "<2>")]
    [InlineData(LogEventLevel.Error, "<3>")]
    [InlineData(LogEventLevel.Warning, "<4>")]
    [InlineData(LogEventLevel.Information, "<6>")]
    [InlineData(LogEventLevel.Debug, "<7>")]
    [InlineData(LogEventLevel.Verbose, "<7>")]
    public void Format_EachLevel_StartsTheLineWithItsSyslogPriority(LogEventLevel level, string prefix)
    {
        var output = new StringWriter();

        new JournalPriorityFormatter(new MessageTemplateTextFormatter("{Message}{NewLine}")).Format(Event(level), output);

        output.ToString().ShouldBe($"{prefix}Run blocked\n");
    }

    [Fact]
    public void Format_MultiLineException_PrefixesEveryLineSoJournaldKeepsThemAtThatPriority()
    {
        var output = new StringWriter();

        new JournalPriorityFormatter(new MessageTemplateTextFormatter("{Message}{NewLine}{Exception}")).Format(Event(LogEventLevel.Error, new InvalidOperationException("line one\nline two")), output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBeGreaterThanOrEqualTo(3);
        lines.ShouldAllBe(l => l.StartsWith("<3>"));
    }
}
