namespace OciCleanup.Cleaner.Configuration;

/// <summary>The <c>daemon</c> section, read against the defaults and bounds of <see cref="DaemonConfig"/>.</summary>
internal static class DaemonSection
{
    public static DaemonConfig Read(YamlMapping? m)
    {
        var defaults = new DaemonConfig();
        if (m is null)
        {
            return defaults;
        }

        var config = new DaemonConfig(m.String("listen") ?? defaults.Listen)
        {
            RunTimeout = DurationSetting.Read(m, "runTimeout", defaults.RunTimeout, DaemonConfig.MinRunTimeout, DaemonConfig.MaxRunTimeout),
        };
        m.RejectUnknownKeys();
        return config;
    }
}
