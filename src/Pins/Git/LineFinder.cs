namespace OciCleanup.Pins.Git;

/// <summary>
/// The line a value is written on. The YAML reader yields trees without positions, so a finding's line is
/// the first line of its document that holds the value's text (the image, its tag or digest), else the
/// document's first line.
/// </summary>
internal sealed class LineFinder
{
    private readonly string[] _lines;

    public LineFinder(string text) => _lines = text.Split('\n');

    /// <summary>The 1-based line in <c>[from, until)</c> that contains <paramref name="needle"/>, else <paramref name="from"/>.</summary>
    public int Find(string? needle, int from, int until)
    {
        if (!string.IsNullOrEmpty(needle))
        {
            for (var line = Math.Max(from, 1); line < until && line <= _lines.Length; line++)
            {
                if (_lines[line - 1].Contains(needle, StringComparison.Ordinal))
                {
                    return line;
                }
            }
        }

        return from;
    }
}
