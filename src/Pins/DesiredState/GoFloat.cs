using System.Globalization;
using System.Text.RegularExpressions;

namespace OciCleanup.Pins.DesiredState;

/// <summary>
/// Numbers as Go's <c>strconv.ParseFloat(s, 64)</c> reads them, for the plain decimal forms both
/// languages read alike (<c>12</c>, <c>-1.5</c>, <c>.5</c>, <c>1e9</c>). Go also reads hex floats, <c>_</c>
/// between digits, <c>inf</c>/<c>infinity</c>/<c>nan</c>: those are reported as uncertain, not guessed.
/// A value too large for a double is an error in Go, so it is not a number.
/// </summary>
internal static partial class GoFloat
{
    /// <param name="text">The value.</param>
    /// <param name="value">The number when the result is true.</param>
    /// <param name="certain">When false is returned: true when Go would certainly refuse it too.</param>
    public static bool TryParse(string text, out double value, out bool certain)
    {
        value = 0;
        certain = true;
        if (PlainDecimal().IsMatch(text))
        {
            value = double.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
            return double.IsFinite(value);
        }

        certain = !OtherGoNumber().IsMatch(text);
        return false;
    }

    [GeneratedRegex(@"^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex PlainDecimal();

    [GeneratedRegex(@"^[+-]?(?:inf|infinity|nan|0x[0-9a-f_.]*(?:p[+-]?[0-9_]+)?|[0-9_.]*[0-9][0-9_.]*(?:e[+-]?[0-9_]+)?)\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | RegexOptions.IgnoreCase)]
    private static partial Regex OtherGoNumber();
}
