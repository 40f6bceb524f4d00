namespace OciCleanup.Cleaner.Configuration;

/// <summary>
/// The <c>safety</c> section. Each default is written here once, as the parameter's default value;
/// <see cref="SafetySection"/> reads the file against <c>new SafetyConfig()</c> and these bounds.
/// </summary>
internal sealed record SafetyConfig(
    bool FailClosed = true,
    int MaxDeletes = 500,
    double MaxDeleteFraction = 0.5,
    double MaxProtectedShrink = 0.5,
    string StateDir = "/var/lib/oci-cleanup",
    int PlanMaxAgeHours = 24)
{
    /// <summary>The most <c>maxDeletes</c> may be; 0 refuses every delete.</summary>
    public const int MaxMaxDeletes = int.MaxValue;

    /// <summary>A plan may be applied at least an hour after it was made.</summary>
    public const int MinPlanMaxAgeHours = 1;

    /// <summary>A year: an older plan describes a registry that no longer exists.</summary>
    public const int MaxPlanMaxAgeHours = 24 * 365;
}
