namespace OciCleanup.Cleaner.Configuration;

/// <summary>Reads <c>references.rollback</c>; each default and bound is written once, in <see cref="RollbackConfig"/>.</summary>
internal static class RollbackSection
{
    public static RollbackConfig Read(YamlMapping? references)
    {
        if (references?.Mapping("rollback") is not { } m)
        {
            return RollbackConfig.Default;
        }

        var config = new RollbackConfig(
            m.Int("keep", RollbackConfig.DefaultKeep, 0, RollbackConfig.MaxKeep),
            m.Int("days", RollbackConfig.DefaultDays, 1, RollbackConfig.MaxDays));
        m.RejectUnknownKeys();
        return config;
    }
}
