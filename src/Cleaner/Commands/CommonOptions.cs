using System.CommandLine;

namespace OciCleanup.Cleaner.Commands;

internal static class CommonOptions
{
    public static Option<string?> Config() => new("--config", "-c") { Description = "Configuration file (default: $OCI_CLEANUP_CONFIG or /etc/oci-cleanup/config.yaml)" };

    public static Option<string?> LogFormat() => new("--log-format") { Description = "Log format on stderr: text or json (default: json when stderr is not a terminal)" };

    public static Option<bool> Verbose() => new("--verbose", "-v") { Description = "Log every decision" };
}
