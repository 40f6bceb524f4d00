using System.Text.RegularExpressions;

namespace OciCleanup.Integration.Tests.Support;

/// <summary>The one version number, as Directory.Build.props states it.</summary>
internal static partial class Versions
{
    public static string Props() => PropsVersion().Match(Repository.Read("Directory.Build.props")).Groups[1].Value;

    [GeneratedRegex("<Version>([^<]+)</Version>")]
    private static partial Regex PropsVersion();
}
