using System.CommandLine;
using OciCleanup.Cleaner.Reporting;

namespace OciCleanup.Cleaner.Commands;

/// <summary>The options every run-like command takes: configuration, report format and destination, logs.</summary>
internal sealed class ReportOptions
{
    public Option<string?> Config { get; } = CommonOptions.Config();

    public Option<string?> Report { get; } = ReportFormatOption();

    public Option<string?> Output { get; } = new("--output", "-o") { Description = "Write the report here instead of standard output" };

    public Option<string?> LogFormat { get; } = CommonOptions.LogFormat();

    public Option<bool> Verbose { get; } = CommonOptions.Verbose();

    public void AddTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(Report);
        command.Options.Add(Output);
        command.Options.Add(LogFormat);
        command.Options.Add(Verbose);
    }

    /// <summary>The chosen format: as asked, else a table on a terminal and JSON when redirected.</summary>
    public ReportFormat Format(ParseResult parse, CommandConsole console) => Parse(parse.GetValue(Report), parse.GetValue(Output), console);

    public static ReportFormat Parse(string? format, string? output, CommandConsole console) => format switch
    {
        "json" => ReportFormat.Json,
        "markdown" => ReportFormat.Markdown,
        "html" => ReportFormat.Html,
        "table" => ReportFormat.Table,
        _ => !console.OutIsTerminal && output is null ? ReportFormat.Json : ReportFormat.Table,
    };

    public static Option<string?> ReportFormatOption()
    {
        var report = new Option<string?>("--report") { Description = "table (default on a terminal), json, markdown or html" };
        report.AcceptOnlyFromAmong("table", "json", "markdown", "html");
        return report;
    }
}
