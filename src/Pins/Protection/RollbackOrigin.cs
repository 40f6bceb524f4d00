using System.Globalization;

namespace OciCleanup.Pins.Protection;

/// <summary>
/// What a workload ran before, kept as a rollback target for a while:
/// <c>ran as armer kotkan/Deployment/api until 2026-11-20, 2 deploys back</c>.
/// </summary>
/// <param name="Cluster">The cluster's configured name.</param>
/// <param name="Namespace">The workload's namespace.</param>
/// <param name="Kind">The workload's kind, e.g. <c>Deployment</c>.</param>
/// <param name="Name">The workload's name.</param>
/// <param name="Until">When the workload stopped running this version (UTC).</param>
/// <param name="DeploysBack">How many deploys ago: 1 is the one before the current.</param>
public sealed record RollbackOrigin(string Cluster, string Namespace, string Kind, string Name, DateTimeOffset Until, int DeploysBack) : ReasonOrigin
{
    /// <summary><c>Deployment kotkan/api in armer</c>.</summary>
    public string Named => $"{Kind} {Namespace}/{Name} in {Cluster}";

    /// <inheritdoc />
    public override string Place => $"{Cluster}/{Namespace}/{Kind}/{Name}";

    /// <summary>The UTC day it stopped running this version, <c>2026-11-20</c>.</summary>
    public string Day => Until.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    protected override string Text =>
        $"ran as {Cluster} {Namespace}/{Kind}/{Name} until {Day}, {DeploysBack} deploy{(DeploysBack == 1 ? "" : "s")} back";
}
