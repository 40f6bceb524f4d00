using OciCleanup.Cleaner.Reporting;
using Serilog.Core;
using Serilog.Events;

namespace OciCleanup.Cleaner;

/// <summary>
/// In front of the text log sinks (a terminal, journald): every string an event carries — property
/// values, however nested, and the exception's text — made <see cref="TerminalText.Safe"/> before it is
/// rendered, so a tag or an error body with ESC sequences cannot drive the terminal and a value with a
/// newline cannot forge a log line. The sink's own colours are untouched; JSON logs need none of this.
/// </summary>
internal sealed class TerminalSafeSink(ILogEventSink inner) : ILogEventSink
{
    public void Emit(LogEvent logEvent)
    {
        var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, Safe(p.Value)));
        var exception = logEvent.Exception is { } e ? new SafeException(e) : null;
        inner.Emit(new LogEvent(logEvent.Timestamp, logEvent.Level, exception, logEvent.MessageTemplate, properties, logEvent.TraceId ?? default, logEvent.SpanId ?? default));
    }

    private static LogEventPropertyValue Safe(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string s } => new ScalarValue(TerminalText.Safe(s)),
        // Numbers, times and the like render themselves; anything else is rendered by its ToString.
        ScalarValue { Value: null or ValueType } => value,
        ScalarValue { Value: var other } => new ScalarValue(TerminalText.Safe(other.ToString())),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(Safe)),
        StructureValue structure => new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Safe(p.Value))), structure.TypeTag is null ? null : TerminalText.Safe(structure.TypeTag)),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(kv => KeyValuePair.Create((ScalarValue)Safe(kv.Key), Safe(kv.Value)))),
        _ => value,
    };

    /// <summary>An exception that renders as the original did, line by line made safe.</summary>
    private sealed class SafeException(Exception original) : Exception(TerminalText.Safe(original.Message))
    {
        public override string ToString() => TerminalText.SafeLines(original.ToString());
    }
}
