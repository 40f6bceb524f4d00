namespace OciCleanup.Cleaner.Configuration;

/// <summary>The <c>safety</c> section, read against the defaults and bounds of <see cref="SafetyConfig"/>.</summary>
internal static class SafetySection
{
    public static SafetyConfig Read(YamlMapping? m, Func<string, string> resolve)
    {
        var defaults = new SafetyConfig();
        if (m is null)
        {
            return defaults;
        }

        var config = new SafetyConfig(
            m.Bool("failClosed", defaults.FailClosed),
            m.Int("maxDeletes", defaults.MaxDeletes, 0, SafetyConfig.MaxMaxDeletes),
            m.Fraction("maxDeleteFraction", defaults.MaxDeleteFraction),
            m.Fraction("maxProtectedShrink", defaults.MaxProtectedShrink),
            m.String("stateDir") is { } s ? resolve(s) : defaults.StateDir,
            m.Int("planMaxAgeHours", defaults.PlanMaxAgeHours, SafetyConfig.MinPlanMaxAgeHours, SafetyConfig.MaxPlanMaxAgeHours));
        if (File.Exists(config.StateDir))
        {
            throw m.Error(m.Node("stateDir")!, m.Child("stateDir"), $"{config.StateDir} is a file, not a directory");
        }

        m.RejectUnknownKeys();
        return config;
    }
}
