using YamlDotNet.Core;

namespace OciCleanup.Cleaner.Configuration;

/// <summary>
/// A YAML syntax error as a <see cref="ConfigException"/> at the line and column where the scanner stopped.
/// Some scanner errors carry no position (a tab in the indentation: YamlDotNet's mark is then line 1), so
/// the scanner's own position is the better one for those; the message loses YamlDotNet's mark prefix.
/// </summary>
internal static class YamlSyntax
{
    public static ConfigException Error(string path, YamlException error, Mark scannerPosition)
    {
        var at = error.Start.Equals(Mark.Empty) ? scannerPosition : error.Start;
        var problem = WithoutMarks(error.InnerException?.Message ?? error.Message);
        if (problem.Contains("invalid tab as indentation", StringComparison.Ordinal))
        {
            problem = "tabs are not allowed for indentation (YAML indents with spaces)";
        }

        return new ConfigException(path, at.Line, "(syntax)", problem, at.Column);
    }

    /// <summary>YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: 3, Col: 6, Idx: 21): ": the exception already says where.</summary>
    private static string WithoutMarks(string message)
    {
        const string Separator = "): ";
        var end = message.StartsWith("(Line:", StringComparison.Ordinal) ? message.IndexOf(Separator, message.IndexOf(" - (", StringComparison.Ordinal) + 1, StringComparison.Ordinal) : -1;
        return end > 0 ? message[(end + Separator.Length)..] : message;
    }
}
