using System.Reflection;

namespace OciCleanup.Cleaner;

/// <summary>The program's version: Directory.Build.props &lt;Version&gt;, shared with the Nix package and the image tag.</summary>
internal static class BuildInfo
{
    /// <summary>The informational version without the "+commit" the SDK appends.</summary>
    public static string Version { get; } =
        (typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
