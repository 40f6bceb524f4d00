using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace OciCleanup.Cleaner;

/// <summary>
/// Serilog to standard error: readable on a terminal, compact JSON lines when asked or when
/// stderr is not a terminal (log collectors). Nothing we log carries a credential.
/// </summary>
internal static class Logging
{
    public static ILoggerFactory Create(string? format, bool verbose)
    {
        var json = format == "json" || (format is null && Console.IsErrorRedirected);
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            .Enrich.FromLogContext();
        configuration = json
            ? configuration.WriteTo.Console(new CompactJsonFormatter(), standardErrorFromLevel: LogEventLevel.Verbose)
            : configuration.WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose, outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}");
        return LoggerFactory.Create(builder => builder.AddSerilog(configuration.CreateLogger(), dispose: true));
    }
}
