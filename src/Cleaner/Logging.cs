using System.Globalization;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Configuration;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;
using Serilog.Templates;

namespace OciCleanup.Cleaner;

/// <summary>
/// Serilog to standard error: readable on a terminal, JSON lines when asked or when stderr is not
/// a terminal (log collectors). Each JSON line has the CLEF names (<c>@t</c>, <c>@mt</c>, <c>@x</c>)
/// plus the rendered message <c>@m</c>, the level <c>@l</c> on every level (CLEF leaves it out on
/// Information), and the properties, <c>runId</c> among them during a run. When stderr is journald's
/// stream, each line starts with its syslog priority so that <c>journalctl -p err</c> finds errors.
/// Nothing we log carries a credential.
/// </summary>
internal static class Logging
{
    private const string JsonTemplate = "{ {@t, @l, @m, @mt, @x, ..@p} }\n";
    private const string TextTemplate = "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}";

    public static ILoggerFactory Create(string? format, bool verbose)
    {
        var json = format == "json" || (format is null && Console.IsErrorRedirected);
        var journal = JournalStream.IsStandardError();
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            .Enrich.FromLogContext();
        if (json)
        {
            // JSON escapes every control character itself.
            ITextFormatter formatter = new ExpressionTemplate(JsonTemplate, CultureInfo.InvariantCulture);
            configuration.WriteTo.Console(journal ? new JournalPriorityFormatter(formatter) : formatter, standardErrorFromLevel: LogEventLevel.Verbose);
        }
        else
        {
            // Text for a person (the console sink's colours) or journald: registry and cluster strings made safe first.
            configuration.WriteTo.Sink(LoggerSinkConfiguration.Wrap(sink => new TerminalSafeSink(sink), write => _ = journal
                ? write.Console(new JournalPriorityFormatter(new MessageTemplateTextFormatter(TextTemplate, CultureInfo.InvariantCulture)), standardErrorFromLevel: LogEventLevel.Verbose)
                : write.Console(standardErrorFromLevel: LogEventLevel.Verbose, outputTemplate: TextTemplate, formatProvider: CultureInfo.InvariantCulture)));
        }

        return LoggerFactory.Create(builder => builder.AddSerilog(configuration.CreateLogger(), dispose: true));
    }
}
