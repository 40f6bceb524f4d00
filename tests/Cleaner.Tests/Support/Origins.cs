namespace OciCleanup.Cleaner.Tests.Support;

/// <summary>Reason origins and reasons as the sources and the planner make them.</summary>
internal static class Origins
{
    public static PinsLineOrigin Pin(string file = "/etc/registry-pins.txt", int line = 3) => new(file, line);

    public static ClusterObjectOrigin Live(string ns, string kind, string name, string? container = null, string cluster = "armer") =>
        new(cluster, ns, kind, name, container);

    public static RetentionOrigin Rule(string rule) => new(rule);

    /// <summary>A retention reason, for tests where only the kind matters.</summary>
    public static Reason Retention(string rule = "old") => new(Reason.Retention, Rule(rule));

    public static ReasonEntry Entry(string kind, ReasonOrigin origin) => new(kind, origin);
}
