using Serilog.Events;
using Serilog.Formatting;

namespace OciCleanup.Cleaner;

/// <summary>
/// Starts every line of an event with its syslog priority, as sd-daemon(3) describes ("&lt;3&gt;" error,
/// "&lt;4&gt;" warning, "&lt;6&gt;" info, "&lt;7&gt;" debug): journald reads the prefix when a unit's
/// SyslogLevelPrefix= is on (the default) and stores the line at that priority. Every line, because
/// journald takes each line of a stream as its own entry (an exception's stack trace included).
/// </summary>
internal sealed class JournalPriorityFormatter(ITextFormatter inner) : ITextFormatter
{
    public static string Prefix(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => "<2>",
        LogEventLevel.Error => "<3>",
        LogEventLevel.Warning => "<4>",
        LogEventLevel.Information => "<6>",
        _ => "<7>",
    };

    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        inner.Format(logEvent, buffer);
        var prefix = Prefix(logEvent.Level);
        foreach (var line in buffer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            output.Write(prefix);
            output.Write(line.TrimEnd('\r'));
            output.Write('\n');
        }
    }
}
